#!/usr/bin/env bash
# Runs the compiled CLI; builds first when the sources are newer than the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-if-stale.sh >&2
exec node dist/src/app/cli/main.js "$@"
