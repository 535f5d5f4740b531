package io.crmlake.etl.star;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.warehouse.catalog.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;

/**
 * dim_org_unit: the parent_id hierarchy flattened, so a fact can roll up to outlet, branch and
 * region with one join. Org charts are small (thousands of units), so the walk up the tree runs
 * on the driver; a cycle in parent_id is reported instead of looping.
 */
final class OrgUnitDimension {

    private OrgUnitDimension() {}

    private record Unit(String id, String name, String level, String parentId, String city) {}

    static void build(LakeTables tables) {
        Map<String, Unit> units = new HashMap<>();
        for (Row r : tables.read("silver_org_units").select("org_unit_id", "name", "level", "parent_id", "city").collectAsList()) {
            units.put(r.getString(0), new Unit(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
        }
        List<Row> rows = new ArrayList<>();
        for (Unit unit : units.values()) {
            rows.add(flatten(unit, units));
        }
        List<Column> columns = tables.table("dim_org_unit").columns().stream()
                .filter(c -> !c.name().equals("org_unit_sk"))
                .map(c -> c.withNullable(true))
                .toList();
        Dataset<Row> frame = tables.spark().createDataFrame(rows, SparkTypes.struct(columns))
                .withColumn("org_unit_sk", Keys.surrogate("org_unit", functions.col("org_unit_id")));
        ReferenceDimensions.upsertWithUnknown(tables, "dim_org_unit", frame,
                Map.of("org_unit_id", "unknown", "name", "unknown", "level", "unknown", "path", "unknown"));
    }

    private static Row flatten(Unit unit, Map<String, Unit> units) {
        List<Unit> chain = new ArrayList<>();
        for (Unit u = unit; u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
            if (chain.contains(u)) {
                throw new IllegalStateException("org_units: parent_id forms a cycle through " + u.id()
                        + "; fix the org_units delivery");
            }
            chain.add(0, u);
        }
        Unit region = find(chain, "region");
        Unit branch = find(chain, "branch");
        Unit outlet = find(chain, "outlet");
        String path = String.join("/", chain.stream().map(Unit::id).toList());
        return RowFactory.create(
                unit.id(), unit.name(), unit.level(), unit.parentId(), unit.city(),
                region == null ? null : region.id(), region == null ? null : region.name(),
                branch == null ? null : branch.id(), branch == null ? null : branch.name(),
                outlet == null ? null : outlet.id(), outlet == null ? null : outlet.name(), path);
    }

    private static Unit find(List<Unit> chain, String level) {
        return chain.stream().filter(u -> level.equals(u.level())).findFirst().orElse(null);
    }
}
