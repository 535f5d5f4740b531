#!/usr/bin/env bash
# Times the CLV fit and scoring at 10^4, 10^5 and 10^6 simulated customers (CDNOW parameters):
#   fit   = compress to distinct (x, t_x, T) day tuples and (x, m) pairs on the executors, collect,
#           fit BG/NBD and Gamma-Gamma on the driver (fit_driver_s: the driver's share, split into
#           bgnbd_s and gamma_gamma_s); simulated spend is rounded to whole cents per customer total,
#           as a currency table gives it
#   score = P(alive), expected purchases (90/365 days), expected spend and 12-month CLV per customer
#           on the executors, with the fitted parameters broadcast
#   bench/clv.sh [N ...]      default 10000 100000 1000000
# CSV on stdout; copy the figures into docs/benchmarks.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
./crmlake --version >/dev/null
export SPARK_LOCAL_IP=127.0.0.1
exec java @conf/spark-jvm.options -Xmx"${CRMLAKE_HEAP:-6g}" -Dfile.encoding=UTF-8 \
  -cp "etl/target/crmlake-etl.jar:etl/target/lib/*" io.crmlake.etl.marts.clv.ClvBenchmark "${sizes[@]}"
