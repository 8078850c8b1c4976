#!/usr/bin/env bash
# Incremental TypeScript build: quick when nothing changed, so every command can call it.
set -euo pipefail
cd "$(dirname "$0")/.."
./node_modules/.bin/tsc -p tsconfig.build.json
