#!/usr/bin/env bash
# thread-cpu.sh OUT COMMAND...: runs COMMAND (a ./crmlake call: the launcher execs into the JVM,
# so the child's pid is the JVM's), reads every thread's CPU time from /proc/<pid>/task/*/stat
# every 2 s, and writes the CPU per thread group (JIT compilers, executor tasks, main thread,
# GC, ...) to OUT when the command ends. Linux only. Used by `BENCH_THREAD_CPU=1 bench/month.sh`.
set -uo pipefail
out="$1"; shift
samples="$out.samples"
: > "$samples"
"$@" &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  # One awk per sample: field 2 (the thread name) may hold spaces, so split after its ") ".
  awk '{ i = index($0, "("); j = match($0, /\) [A-Z] /); name = substr($0, i + 1, j - i - 1)
         split(substr($0, j + 2), f, " "); print $1 "|" name "|" f[12] + f[13] }' /proc/"$pid"/task/*/stat >> "$samples" 2>/dev/null
  sleep 2
done
wait "$pid"
rc=$?
# A thread's last sample is its CPU; threads that ended between two samples count up to their last one.
# Groups under 0.5 s are left out of the listing, not out of the total.
awk -F'|' -v tck="$(getconf CLK_TCK)" '
  { if ($3 >= cpu[$1]) { cpu[$1] = $3; name[$1] = $2 } }
  END { for (t in cpu) { g = name[t]; sub(/[#-]?[0-9]+$/, "", g); sub(/ +$/, "", g); sum[g] += cpu[t] / tck; total += cpu[t] / tck }
        for (g in sum) if (sum[g] >= 0.5) printf "%8.1f s  %s\n", sum[g], g
        printf "%8.1f s  all threads\n", total }' "$samples" | sort -nr > "$out"
rm -f "$samples"
exit "$rc"
