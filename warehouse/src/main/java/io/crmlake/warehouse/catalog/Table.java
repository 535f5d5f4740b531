package io.crmlake.warehouse.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One table of the lake: its layer, its columns, its key (the MERGE condition for facts and
 * dimensions) and its partition columns. Defined once, in the catalog YAML.
 */
public record Table(
        String name,
        Layer layer,
        String comment,
        List<Column> columns,
        List<String> key,
        List<String> partitionBy) implements java.io.Serializable {

    @JsonCreator
    public Table(@JsonProperty("name") String name,
                 @JsonProperty("layer") Layer layer,
                 @JsonProperty("comment") String comment,
                 @JsonProperty("columns") List<Column> columns,
                 @JsonProperty("key") List<String> key,
                 @JsonProperty("partition_by") List<String> partitionBy) {
        Require.text(name, "name");
        Require.isTrue(layer != null, "table '" + name + "' needs a 'layer'");
        Require.text(comment, "comment");
        this.name = name;
        this.layer = layer;
        this.comment = comment;
        this.columns = Require.nonEmpty(columns, "columns");
        this.key = Require.list(key);
        this.partitionBy = Require.list(partitionBy);
        Set<String> seen = new HashSet<>();
        for (Column c : this.columns) {
            Require.isTrue(seen.add(c.name()), "table '" + name + "' has column '" + c.name() + "' twice");
        }
        for (String k : this.key) {
            Require.isTrue(seen.contains(k), "table '" + name + "' key column '" + k + "' is not one of its columns");
        }
        for (String p : this.partitionBy) {
            Require.isTrue(seen.contains(p), "table '" + name + "' partition column '" + p + "' is not one of its columns");
        }
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The same table with extra columns appended (bronze = landing fields + lineage). */
    public Table withColumns(List<Column> extra) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(extra);
        return new Table(name, layer, comment, all, key, partitionBy);
    }
}
