# Sourced by the pipeline benchmarks. measure NAME COMMAND...: runs the command with its output
# in $work/NAME.log, and prints its wall time and peak RSS (kept in $work/NAME.time).
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1
  read -r secs kb < "$work/$name.time"
  printf '%-12s %8.1f s  peak RSS %6.0f MB\n' "$name" "$secs" "$((kb / 1024))"
}
