#!/usr/bin/env bash
# npm start: check the configuration, make sure Chromium, Postgres and Redis are there, build, then launch
# the API and the worker (migrations and demo data first).
set -euo pipefail
cd "$(dirname "$0")/.."
node -r ts-node/register/transpile-only scripts/check-config.ts
bash scripts/ensure-chromium.sh
bash scripts/ensure-services.sh
bash scripts/build-if-stale.sh
exec node dist/src/app/launcher.js
