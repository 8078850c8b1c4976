#!/usr/bin/env bash
# The TypeORM CLI on our data source (src/app/database/data-source.ts), run from the TypeScript sources.
set -euo pipefail
cd "$(dirname "$0")/.."
node -r ts-node/register/transpile-only scripts/ensure-database.ts
exec node -r ts-node/register/transpile-only node_modules/typeorm/cli.js -d src/app/database/data-source.ts "$@"
