#!/usr/bin/env bash
# npm run check: formatting, lint, the folder boundaries (.dependency-cruiser.cjs), types, and entity/migration drift.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== prettier"; ./node_modules/.bin/prettier --check . --log-level warn
echo "== eslint"; ./node_modules/.bin/eslint --max-warnings 0 .
echo "== boundaries"; ./node_modules/.bin/depcruise src scrapers seeds migrations --config .dependency-cruiser.cjs --output-type err
echo "== tsc"; ./node_modules/.bin/tsc --noEmit -p tsconfig.json
echo "== migrations"; bash scripts/migration-drift.sh
echo "check: all passed"
