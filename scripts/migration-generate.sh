#!/usr/bin/env bash
# npm run migration:generate -- AddSomething: writes migrations/<timestamp>-AddSomething.ts from the difference
# between the entities and the database. Read it, edit it, then add its class to migrations/index.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run migration:generate -- MigrationName}"
bash scripts/typeorm.sh migration:run
bash scripts/typeorm.sh migration:generate --pretty "migrations/$name"
echo "Now read the new file in migrations/, then add its class to migrations/index.ts." >&2
