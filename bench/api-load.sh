#!/usr/bin/env bash
# Load on the service, loopback only: 32 concurrent clients on mixed mart queries for 60 s
# (wrk from Debian, scripts/packages/bench.list), once on a quiet catalog and once while the
# catalog is re-published every 5 s. Uses its own synthetic catalog under work/bench-api.
# --facts-by-customer lays the fact files out sorted by customer within each month (a proposed
# publish layout, work/bench-api-by-customer); --service-arg passes one option to the service
# (e.g. --service-arg --crmlake.duckdb-threads=1).
#   bench/api-load.sh [--duration 60] [--clients 32] [--port 18080] [--facts-by-customer] [--service-arg ARG]...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=60; clients=32; port=18080; layout=(); work="$here/work/bench-api"; service_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --facts-by-customer) layout=(--facts-by-customer); work="$here/work/bench-api-by-customer"; shift ;;
    --service-arg) service_args+=("$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
"$here/scripts/setup.sh" >/dev/null
serving="$work/serving"
mkdir -p "$work"
(cd "$here" && mvn -q -B -DskipTests -pl api -am package)
cp_file="$work/warehouse.classpath"
(cd "$here" && mvn -q -B -pl warehouse dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
bench_cp="$here/warehouse/target/classes:$(cat "$cp_file")"
java -cp "$bench_cp" "$here/bench/BenchCatalog.java" "$serving" "${layout[@]}"

java -Xmx1g -jar "$here/api/target/crmlake-api.jar" --server.port="$port" --crmlake.serving="$serving" \
  --crmlake.watch-interval=1s "${service_args[@]}" > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
  sleep 1
done
url="http://127.0.0.1:$port"
echo "== warm-up (10 s)"
wrk -t2 -c"$clients" -d10s --timeout 30s -s "$here/bench/api-load.lua" "$url" | grep RESULT
echo "== steady: $clients clients, ${duration}s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c"$clients" -d"${duration}s" --timeout 30s -s "$here/bench/api-load.lua" "$url" | grep RESULT
echo "== while publishing every 5 s: $clients clients, ${duration}s"
java -cp "$bench_cp" "$here/bench/BenchCatalog.java" "$serving" "${layout[@]}" --republish 5 --for "$duration" &
publisher=$!
wrk -t2 -c"$clients" -d"${duration}s" --timeout 30s -s "$here/bench/api-load.lua" "$url" | grep RESULT
wait $publisher
echo "== catalog generations opened by the service: $(curl -s -u admin:admin-demo "$url/actuator/prometheus" | grep '^crmlake_catalog_generations' | awk '{print $2}')"
grep -c ' ERROR ' "$work/service.log" | sed 's/^/== service log ERROR lines: /' || true
