#!/usr/bin/env bash
# Report rendering times on the real service, loopback only: each report cold (first request
# after start) and warm (median of 5), then N concurrent monthly packs (wall time, 503s, peak heap).
#   bench/reports.sh [--serving DIR] [--port 18081] [--concurrent 20] [--heap 1g]
# DIR is a published serving catalog (default work/lake/serving, what `crmlake run` leaves).
# The service gets max-concurrent 2 and a queue as deep as --concurrent, so every request is admitted.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
serving="$here/work/lake/serving"; port=18081; concurrent=20; heap=1g
while [ $# -gt 0 ]; do
  case "$1" in
    --serving) serving="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --concurrent) concurrent="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$serving/crmlake.duckdb" ] || { echo "no catalog at $serving/crmlake.duckdb; run crmlake run first or pass --serving DIR" >&2; exit 2; }
work="$here/work/bench-reports"
rm -rf "$work"; mkdir -p "$work/out"
[ -f "$here/api/target/crmlake-api.jar" ] || (cd "$here" && mvn -q -B -DskipTests -pl api -am package)
java -Xmx"$heap" -Dfile.encoding=UTF-8 -jar "$here/api/target/crmlake-api.jar" --server.port="$port" \
  --crmlake.serving="$serving" --crmlake.reports.archive="$work/archive" --crmlake.reports.swap="$work/swap" \
  --crmlake.reports.max-concurrent=2 --crmlake.reports.queue-capacity="$concurrent" > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 180); do
  curl -sf "$url/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
customer=$(curl -sf -u analyst:analyst-demo "$url/api/marts/dim_customer?is_current=true&size=1&sort=customer_id" \
  | sed -n 's/.*"customer_id":"\([^"]*\)".*/\1/p')
declare -A query=(
  [monthly-pack]="period=latest-month&org_unit=ALL"
  [warning-worklist]="org_unit=ALL&as_of=latest"
  [customer-one-pager]="customer_id=$customer")
render() { # report locale → "seconds http_code bytes"
  curl -s -o "$work/out/$1-$2-$RANDOM.pdf" -w '%{time_total} %{http_code} %{size_download}\n' -u executive:executive-demo \
    -X POST "$url/api/reports/$1/render?${query[$1]}&locale=$2"
}
echo "== catalog $serving ($(du -h "$serving/crmlake.duckdb" | cut -f1)), heap $heap, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in monthly-pack warning-worklist customer-one-pager; do
  cold=$(render "$r" zh-CN)
  warm=$(for _ in 1 2 3 4 5; do render "$r" zh-CN; done | sort -n | sed -n 3p)
  echo "$cold $warm" | awk -v r="$r" '{printf "RESULT %-19s cold %.2f s (HTTP %s, %d bytes)  warm median of 5 %.2f s (HTTP %s)\n", r, $1, $2, $3, $4, $5}'
done
heap_used() {
  curl -s -u admin:admin-demo "$url/actuator/metrics/jvm.memory.used?tag=area:heap" | sed -n 's/.*"value":\([0-9.E+]*\).*/\1/p'
}
peak=0
( while :; do heap_used; echo; sleep 0.2; done ) > "$work/heap.samples" &
sampler=$!
start=$(date +%s.%N)
for i in $(seq 1 "$concurrent"); do render monthly-pack "$([ $((i % 2)) = 0 ] && echo en || echo zh-CN)" > "$work/concurrent.$i" & done
wait $(jobs -p | grep -v "^$sampler$" | grep -v "^$service$") 2>/dev/null || true
end=$(date +%s.%N)
kill $sampler 2>/dev/null || true
peak=$(grep . "$work/heap.samples" | sort -g | tail -1)
codes=$(cat "$work"/concurrent.* | awk '{print $2}' | sort | uniq -c | tr '\n' ' ')
slowest=$(cat "$work"/concurrent.* | sort -n | tail -1 | cut -d' ' -f1)
awk -v n="$concurrent" -v s="$start" -v e="$end" -v slow="$slowest" -v codes="$codes" -v peak="${peak:-0}" \
  'BEGIN {printf "RESULT %s concurrent monthly-pack renders: wall %.1f s, slowest %.1f s, HTTP status counts: %s, peak heap used %.0f MB (sampled every 0.2 s)\n", n, e - s, slow, codes, peak / 1048576}'
echo "== renderer log: $(grep -c ' ERROR ' "$work/service.log" || true) ERROR lines"
