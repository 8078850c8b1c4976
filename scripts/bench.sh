#!/usr/bin/env bash
# Every benchmark under bench/ (bench/*.bench.ts), each in its own process, one after another, then one
# table of every figure, its ceiling from the same run and the ratio (bench/report.ts; docs/benchmarks.md).
#   npm run bench                      full sizes; the soak runs its 10 minutes
#   npm run bench -- --quick           smaller sizes: monitoring 100 watches, soak 2 minutes
#   npm run bench -- --no-soak         everything but the soak
#   npm run bench -- --only compare,monitoring
set -uo pipefail
cd "$(dirname "$0")/.."

quick=false
soak=true
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --no-soak) soak=false ;;
    --only) only=",${2:-},"; shift ;;
    -h | --help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

started_ms=$(($(date +%s) * 1000))
echo "uptime: $(uptime)"
if ! bash scripts/build-if-stale.sh; then
  # Someone's half-written file in a shared tree; tsc still emitted the rest.
  echo "bench: the build reported type errors (above); running what tsc emitted" >&2
  [ -f dist/src/app/worker.js ] || exit 1
fi

failed=()
for file in bench/*.bench.ts; do
  name=$(basename "$file" .bench.ts)
  if [ -n "$only" ] && [[ "$only" != *",$name,"* ]]; then continue; fi
  args=()
  case "$name" in
    soak)
      $soak || { echo "=== soak skipped (--no-soak)"; continue; }
      $quick && args=(--minutes 2)
      ;;
    monitoring) $quick && args=(--watches 100) ;;
    churn) $quick && args=(--seconds 10) ;;
  esac
  echo
  echo "=== $name ${args[*]:-}   ($(uptime | sed 's/.*load/load/'))"
  if ! node -r ts-node/register/transpile-only "$file" "${args[@]}"; then
    failed+=("$name")
  fi
done

echo
echo "=== all benchmarks ($( $quick && echo quick || echo full ) sizes)"
node -r ts-node/register/transpile-only bench/report.ts --since "$started_ms"
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: failed: ${failed[*]}" >&2
  exit 1
fi
