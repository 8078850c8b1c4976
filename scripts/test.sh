#!/usr/bin/env bash
# npm test: the whole suite (unit and integration) against real Postgres, Redis and Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh || exit 1
bash scripts/ensure-services.sh || exit 1
bash scripts/build-if-stale.sh || exit 1
mkdir -p artifacts && rm -f artifacts/jest-results.json artifacts/test-summary.txt
./node_modules/.bin/jest --ci --json --outputFile=artifacts/jest-results.json "$@"
status=$?
node scripts/print-test-summary.js artifacts/jest-results.json | tee artifacts/test-summary.txt
exit $status
