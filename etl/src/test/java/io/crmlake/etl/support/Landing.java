package io.crmlake.etl.support;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tiny landing batches for tests: rows given as "field=value" pairs, the header in contract
 * order, and the _SUCCESS marker. Raw lines can be added as they are, to test bad input.
 */
public final class Landing {

    private final Path root;

    public Landing(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Batch batch(String entity, String batchId) {
        return new Batch(Catalog.get().landing(entity), batchId);
    }

    public final class Batch {
        private final LandingEntity entity;
        private final String batchId;
        private final List<byte[]> lines = new ArrayList<>();

        Batch(LandingEntity entity, String batchId) {
            this.entity = entity;
            this.batchId = batchId;
            lines.add(String.join(",", entity.fieldNames()).getBytes(StandardCharsets.UTF_8));
        }

        /** A row from "field=value" pairs; fields not named are empty. */
        public Batch row(String... pairs) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String p : pairs) {
                int eq = p.indexOf('=');
                values.put(p.substring(0, eq), p.substring(eq + 1));
            }
            for (String name : values.keySet()) {
                if (entity.field(name).isEmpty()) {
                    throw new IllegalArgumentException("test fixture names unknown field " + name);
                }
            }
            List<String> cells = entity.fieldNames().stream().map(f -> csv(values.getOrDefault(f, ""))).toList();
            lines.add(String.join(",", cells).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Batch raw(String line) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Batch rawBytes(byte[] line) {
            lines.add(line);
            return this;
        }

        /** Writes the file and the _SUCCESS marker; returns the batch folder. */
        public Path write() {
            try {
                Path dir = root.resolve(entity.name()).resolve(batchId);
                Files.createDirectories(dir);
                try (var out = Files.newOutputStream(dir.resolve(entity.name() + "-" + batchId + ".csv"))) {
                    for (byte[] line : lines) {
                        out.write(line);
                        out.write('\n');
                    }
                }
                Files.writeString(dir.resolve("_SUCCESS"), "");
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String csv(String value) {
            return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }
}
