#!/usr/bin/env bash
# Runs the whole suite N times in a row (default 5) on PGlite and then on PostgreSQL while two
# busy loops hold both cores, and prints one line per run. A test that depends on the machine's
# speed shows up here long before it shows up in CI. See docs/TESTING.md.
#
#   scripts/test-under-load.sh [N] [postgres-url]
set -uo pipefail
cd "$(dirname "$0")/.."
N="${1:-5}"
PG_URL="${2:-${CI_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}}"
export NO_COLOR=1

node -e 'for(;;){}' & HOG1=$!
node -e 'for(;;){}' & HOG2=$!
trap 'kill $HOG1 $HOG2 2>/dev/null' EXIT

failed=0
for engine in PGlite PostgreSQL; do
  for i in $(seq 1 "$N"); do
    log="$(mktemp)"
    if [ "$engine" = PGlite ]; then env -u DATABASE_URL npm test >"$log" 2>&1; else DATABASE_URL="$PG_URL" npm test >"$log" 2>&1; fi
    status=$?
    summary="$(grep -E '^\s*Tests\s' "$log" | tr -s ' ')"
    duration="$(grep -E '^\s*Duration\s' "$log" | awk '{print $2}')"
    if [ $status = 0 ]; then echo "$engine run $i/$N: passed —$summary in $duration"; else
      failed=1; echo "$engine run $i/$N: FAILED —$summary ($log)"; grep -E '^\s*(FAIL|×)' "$log" | head -10; fi
  done
done
exit $failed
