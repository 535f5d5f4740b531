#!/usr/bin/env bash
# Executes every notebook headless against a published serving catalog; any cell error fails.
#   notebooks/run-notebooks.sh [CATALOG]      (default: $CRMLAKE_CATALOG, else the catalog the
#                                              etl tests publish from their generated lake)
# Debian's own python3 runs the kernel (notebooks/kernels/crmlake-python3): another python3 that
# comes first on PATH (pyenv, conda) cannot see the apt packages pandas, matplotlib and jpype.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
catalog="${1:-${CRMLAKE_CATALOG:-$here/../etl/target/shared-lakes/published/crmlake.duckdb}}"
out="${NOTEBOOK_OUT:-$here/target/executed}"
if [ ! -f "$catalog" ]; then
  echo "run-notebooks: no catalog at $catalog; run the etl tests first (mvn -B test), or ./crmlake run and pass work/lake/serving/crmlake.duckdb" >&2
  exit 2
fi
if [ ! -x /usr/bin/jupyter-nbconvert ]; then
  echo "run-notebooks: /usr/bin/jupyter-nbconvert is missing; run scripts/setup.sh" >&2
  exit 2
fi
mkdir -p "$out"
export CRMLAKE_CATALOG="$(cd "$(dirname "$catalog")" && pwd)/$(basename "$catalog")"
export JUPYTER_PATH="$here/kernels-path"
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
mkdir -p "$here/kernels-path/kernels"
ln -sfn "$here/kernels/crmlake-python3" "$here/kernels-path/kernels/crmlake-python3"
format="${NOTEBOOK_FORMAT:-notebook}"
for nb in "$here"/*.ipynb; do
  echo "run-notebooks: executing $(basename "$nb") against $CRMLAKE_CATALOG"
  (cd "$here" && /usr/bin/python3 /usr/bin/jupyter-nbconvert --to "$format" --execute \
      --ExecutePreprocessor.kernel_name=crmlake-python3 --ExecutePreprocessor.timeout=300 \
      --output-dir "$out" "$nb")
done
echo "run-notebooks: all notebooks executed; results in $out"
