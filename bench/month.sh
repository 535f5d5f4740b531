#!/usr/bin/env bash
# Times the incremental month again on a base lake kept by `BENCH_KEEP_BASE=1 bench/pipeline.sh`:
# restores the base (24 built months), delivers the held month, then ingests and builds it.
#   bench/month.sh [WORK]      default work/bench-100000
#   BENCH_EMPTY_MONTH=1 delivers the same month with its header lines only: every step of the
#   monthly ingest and build still runs, on no rows, which times the fixed cost of a monthly run
#   (JVM and Spark start, one Delta operation per step) apart from the work its rows cause.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-work/bench-100000}"
if [ ! -d "$work/lake-base" ]; then
  echo "bench/month.sh: no base lake in $work/lake-base; run BENCH_KEEP_BASE=1 bench/pipeline.sh first" >&2
  exit 2
fi
export CRMLAKE_HEAP="${CRMLAKE_HEAP:-8g}"
./crmlake --version >/dev/null   # build the jars first, outside the timed steps
lake="$work/lake"
rm -rf "$lake"
cp -a "$work/lake-base" "$lake"
for e in "$work"/held/*/; do
  e=$(basename "$e")
  cp -a "$work/held/$e/." "$lake/landing/$e/"
done
name=month
if [ "${BENCH_EMPTY_MONTH:-0}" = 1 ]; then
  name=empty-month
  for f in "$work"/held/*/*/*.csv; do
    rel="${f#"$work/held/"}"
    head -n 1 "$f" > "$lake/landing/$rel"
  done
fi
. bench/measure.sh
measure "ingest-$name" ./crmlake ingest --lake "$lake"
measure "build-$name" ./crmlake build --lake "$lake"
grep -h "done" "$work/build-$name.log" | sed 's/^/  /'
