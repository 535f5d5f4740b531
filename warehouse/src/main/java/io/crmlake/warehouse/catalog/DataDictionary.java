package io.crmlake.warehouse.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * docs/data-dictionary.md, generated from the catalog. A test regenerates it and fails when
 * the committed file differs; {@code crmlake docs} (or DataDictionary.main) rewrites it.
 */
public final class DataDictionary {

    private DataDictionary() {}

    public static String markdown(Catalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("# Data dictionary\n\n")
          .append("Generated from the catalog (warehouse/src/main/resources/catalog/*.yml) by\n")
          .append("`DataDictionary`; do not edit by hand. `mvn -pl warehouse test` fails when this\n")
          .append("file is stale; regenerate it with `./crmlake docs`.\n\n");
        for (Layer layer : Layer.values()) {
            List<Table> tables = catalog.tables(layer);
            if (tables.isEmpty()) {
                continue;
            }
            md.append("## ").append(title(layer)).append("\n\n");
            for (Table t : tables) {
                md.append("- [").append(t.name()).append("](#").append(t.name()).append(")\n");
            }
            md.append('\n');
            for (Table t : tables) {
                md.append("### ").append(t.name()).append("\n\n").append(t.comment()).append("\n\n");
                md.append("Key: ").append(t.key().isEmpty() ? "—" : code(t.key()));
                md.append(" · Partitioned by: ").append(t.partitionBy().isEmpty() ? "—" : code(t.partitionBy()));
                md.append(" · Location: `<lake>/").append(layer.folder()).append('/').append(t.name()).append("`\n\n");
                md.append("| column | type | null | comment |\n|---|---|---|---|\n");
                for (Column c : t.columns()) {
                    md.append("| ").append(c.name()).append(" | ").append(c.type().sql()).append(" | ")
                      .append(c.nullable() ? "yes" : "no").append(" | ")
                      .append(c.comment().replace("|", "\\|")).append(" |\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String code(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    private static String title(Layer layer) {
        return switch (layer) {
            case BRONZE -> "Bronze: validated landing rows with lineage";
            case SILVER -> "Silver: conformed, latest version per key";
            case GOLD -> "Gold: the star schema";
            case MART -> "Marts";
            case OPS -> "Ops: the pipeline's own records";
        };
    }

    /** Writes the dictionary to the path given as the first argument. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), markdown(Catalog.get()));
    }
}
