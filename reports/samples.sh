#!/usr/bin/env bash
# Regenerates the monthly-pack samples in docs/samples from a published serving catalog:
# monthly-pack-zh-CN.pdf, monthly-pack-en.pdf and 80-dpi images of four pages (20/80,
# migration, customer value, early warnings) of the Chinese pack.
#
#   reports/samples.sh [crmlake.duckdb] [period yyyy-MM|latest] [org unit]
#
# Default catalog: the one etl's tests publish from the shared 600 x 12 test lake
# (mvn -pl etl -am test -Dtest='MartsAndPublishOnBuiltLakeTest' leaves it in place).
# Needs pdftoppm and pdftotext (poppler-utils, scripts/packages/reports.list).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
catalog=${1:-$root/etl/target/shared-lakes/published/crmlake.duckdb}
period=${2:-latest}
org=${3:-ALL}
out=$root/docs/samples
[ -f "$catalog" ] || { echo "no serving catalog at $catalog; publish one first (see docs/reports.md)" >&2; exit 1; }
cd "$root"
mvn -B -q -pl reports -am test-compile
mvn -B -q -pl reports dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/samples.classpath
cp="reports/target/classes:reports/target/test-classes:warehouse/target/classes:$(cat reports/target/samples.classpath)"
java -cp "$cp" io.crmlake.reports.SamplePack "$catalog" "$out" "$period" "$org"
# one image per page we show, found by its title so that a longer KPI page does not shift them
pdf=$out/monthly-pack-zh-CN.pdf
rm -f "$out"/monthly-pack-zh-CN-*.png
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for n in $(seq 1 "$pages"); do
  first=$(pdftotext -f "$n" -l "$n" "$pdf" - | head -1)
  for page in 客户贡献:contribution 客户迁移:migration 客户价值:value 预警任务:warnings; do
    if [[ $first == ${page%%:*}* ]]; then
      pdftoppm -r 80 -png -f "$n" -l "$n" -singlefile "$pdf" "$out/monthly-pack-zh-CN-${page##*:}"
    fi
  done
done
ls -la "$out"
