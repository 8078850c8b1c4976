#!/usr/bin/env bash
# Fails when the entities and the migrations disagree: migrate a scratch database, then ask TypeORM whether it
# would generate anything.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="pw_drift_$$"
admin="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export DATABASE_URL="${admin%/*}/$scratch"
cleanup() { psql "$admin" -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT
bash scripts/typeorm.sh migration:run >/dev/null
if ! bash scripts/typeorm.sh migration:generate --check --dryrun --pretty migrations/Drift; then
  echo "Migration drift: the entities and the migrations disagree (the SQL above is what is missing)." >&2
  exit 1
fi
echo "Migrations match the entities."
