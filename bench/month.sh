#!/usr/bin/env bash
# Times the incremental month against a full rebuild, each as one `crmlake run --stop-after build`
# (ingest and build in one JVM, as a scheduled delivery runs), on a base lake kept by
# `BENCH_KEEP_BASE=1 bench/pipeline.sh`:
#   month    restores the base (24 built months), delivers the held month, ingests and builds it;
#   rebuild  the alternative: a new lake from the same 25 months of landing files.
#   bench/month.sh [WORK]      default work/bench-100000
#   BENCH_STEPS="month rebuild" (default) chooses what to time, e.g. BENCH_STEPS=month.
#   BENCH_EMPTY_MONTH=1 delivers the month with its header lines only: every step of the month
#   still runs, on no rows, which times the fixed cost of a monthly run (JVM and Spark start,
#   one Delta operation per step) apart from the work its rows cause.
#   BENCH_SEPARATE=1 times the month as two commands, `ingest` then `build` (two JVMs).
#   BENCH_THREAD_CPU=1 also shows where each run's CPU goes: per JVM thread group (JIT compilers,
#   executor tasks, main thread, GC) and the JIT's compile time (docs/benchmarks.md, top section).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-work/bench-100000}"
if [ ! -d "$work/lake-base" ]; then
  echo "bench/month.sh: no base lake in $work/lake-base; run BENCH_KEEP_BASE=1 bench/pipeline.sh first" >&2
  exit 2
fi
export CRMLAKE_HEAP="${CRMLAKE_HEAP:-8g}"
./crmlake --version >/dev/null   # build the jars first, outside the timed steps
. bench/measure.sh
suffix=""
[ "${BENCH_EMPTY_MONTH:-0}" = 1 ] && suffix="-empty"

# deliver LAKE: copies the held month into LAKE's landing zone (header lines only when empty).
deliver() {
  local e f
  for e in "$work"/held/*/; do
    e=$(basename "$e")
    mkdir -p "$1/landing/$e"
    cp -a "$work/held/$e/." "$1/landing/$e/"
  done
  if [ -n "$suffix" ]; then
    for f in "$work"/held/*/*/*.csv; do head -n 1 "$f" > "$1/landing/${f#"$work/held/"}"; done
  fi
}

# timed NAME COMMAND...: measures the command, then prints its step lines.
# With BENCH_THREAD_CPU=1 it also writes the CPU per JVM thread group to $work/NAME.threads
# (bench/thread-cpu.sh) and the JIT compiler's own account (-XX:+CITime) to the end of NAME.log.
timed() {
  local name="$1"; shift
  if [ "${BENCH_THREAD_CPU:-0}" = 1 ]; then
    JAVA_TOOL_OPTIONS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime" measure "$name" bench/thread-cpu.sh "$work/$name.threads" "$@"
    sed 's/^/    /' "$work/$name.threads"
  else
    measure "$name" "$@"
  fi
  grep -h "done\|released" "$work/$name.log" | sed 's/^/    /'
}

lake="$work/lake"
for step in ${BENCH_STEPS:-month rebuild}; do
  rm -rf "$lake"
  case "$step" in
    month)
      cp -a "$work/lake-base" "$lake"
      deliver "$lake"
      if [ "${BENCH_SEPARATE:-0}" = 1 ]; then
        timed "ingest-month$suffix" ./crmlake ingest --lake "$lake"
        timed "build-month$suffix" ./crmlake build --lake "$lake"
      else
        timed "run-month$suffix" ./crmlake run --stop-after build --lake "$lake"
      fi ;;
    rebuild)
      mkdir -p "$lake"
      cp -a "$work/lake-base/landing" "$lake/landing"
      deliver "$lake"
      timed "run-rebuild$suffix" ./crmlake run --stop-after build --lake "$lake" ;;
    *) echo "bench/month.sh: unknown step '$step' in BENCH_STEPS (month, rebuild)" >&2; exit 2 ;;
  esac
done
rm -rf "$lake"
