#!/usr/bin/env bash
# Times generate, ingest, build, marts and publish separately (wall time, rows/s, peak RSS),
# then one further monthly batch on top of the built lake (the incremental ingest and build).
#   bench/pipeline.sh [CUSTOMERS] [MONTHS]      default 100000 24
#   BENCH_MARTS=0 skips marts and publish; BENCH_DIR=… chooses the work folder.
#   BENCH_KEEP_BASE=1 keeps a copy of the built base lake, so bench/month.sh can time the
#   incremental month again without rebuilding the base.
# Results go to stdout; copy them into docs/benchmarks.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-100000}"
months="${2:-24}"
work="${BENCH_DIR:-work/bench-$customers}"
rm -rf "$work"
mkdir -p "$work"
export CRMLAKE_HEAP="${CRMLAKE_HEAP:-8g}"
./crmlake --version >/dev/null

. bench/measure.sh

# One month more than the base, held back for the incremental step.
lake="$work/lake"
measure generate ./crmlake generate --lake "$lake" --customers "$customers" --months "$((months + 1))" --seed 1
rows=$(find "$lake/landing" -name '*.csv' -not -path '*/_generator/*' -exec cat {} + | wc -l)
last=$(ls "$lake/landing/customers" | sort | tail -1)
mkdir -p "$work/held"
for e in "$lake"/landing/*/; do
  e=$(basename "$e"); [ "$e" = _generator ] && continue
  if [ -d "$lake/landing/$e/$last" ]; then mkdir -p "$work/held/$e"; mv "$lake/landing/$e/$last" "$work/held/$e/"; fi
done
base_rows=$(find "$lake/landing" -name '*.csv' -not -path '*/_generator/*' -exec cat {} + | wc -l)
echo "landing rows (incl. headers): $rows total, $base_rows in the first $months months"
measure ingest ./crmlake ingest --lake "$lake"
measure build ./crmlake build --lake "$lake"
if [ "${BENCH_MARTS:-1}" = 1 ]; then
  measure marts ./crmlake marts --lake "$lake"
  measure publish ./crmlake publish --lake "$lake"
fi
if [ "${BENCH_KEEP_BASE:-0}" = 1 ]; then rm -rf "$work/lake-base"; cp -a "$lake" "$work/lake-base"; fi
for e in "$work"/held/*/; do e=$(basename "$e"); cp -a "$work/held/$e/$last" "$lake/landing/$e/"; done
measure ingest-month ./crmlake ingest --lake "$lake"
measure build-month ./crmlake build --lake "$lake"
for s in ingest build; do
  read -r secs kb < "$work/$s.time"
  awk -v n="$s" -v r="$base_rows" -v t="$secs" 'BEGIN { printf "%-12s %10.0f rows/s\n", n, r / t }'
done
grep -h "done" "$work"/build*.log | sed 's/^/  /'
