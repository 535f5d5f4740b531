#!/usr/bin/env bash
# The test command (README, .ci/run): installs what is missing, then runs every module's tests
# with real Spark, Delta and files. About 10-15 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export SPARK_LOCAL_IP=127.0.0.1
exec mvn -B test "$@"
