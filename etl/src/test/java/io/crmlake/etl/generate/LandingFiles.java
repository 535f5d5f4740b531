package io.crmlake.etl.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A tiny, strict reader of the landing contract for the generator's tests. */
final class LandingFiles {

    private static final Pattern TS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONEY = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LandingFiles() {}

    /** The physical lines of a file as raw bytes (without the \n). */
    static List<byte[]> rawLines(Path file) {
        byte[] all = read(file);
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start != all.length) {
            throw new AssertionError(file + " does not end with \\n");
        }
        return out;
    }

    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** RFC 4180 split of one line (no embedded line ends). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                if (wasQuoted) {
                    throw new IllegalArgumentException("text after closing quote: " + line);
                }
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote: " + line);
        }
        out.add(cur.toString());
        return out;
    }

    /** Every problem the contract's field-level rules find in one value (empty = valid). */
    static Set<QuarantineReason> check(Column c, String v) {
        Set<QuarantineReason> out = EnumSet.noneOf(QuarantineReason.class);
        if (v.isEmpty()) {
            if (c.required()) {
                out.add(QuarantineReason.MISSING_REQUIRED);
            }
            return out;
        }
        try {
            switch (c.type().kind()) {
                case TIMESTAMP -> {
                    if (!TS.matcher(v).matches()) {
                        out.add(QuarantineReason.UNPARSEABLE_TIMESTAMP);
                    } else {
                        OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    }
                }
                case DATE -> {
                    if (!DATE.matcher(v).matches()) {
                        out.add(QuarantineReason.UNPARSEABLE_DATE);
                    } else {
                        LocalDate.parse(v);
                    }
                }
                case DECIMAL -> {
                    if (!MONEY.matcher(v).matches()) {
                        out.add(QuarantineReason.UNPARSEABLE_DECIMAL);
                    } else {
                        new BigDecimal(v);
                    }
                }
                case INT -> Integer.parseInt(v);
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        out.add(QuarantineReason.UNPARSEABLE_BOOLEAN);
                    }
                }
                case ENUM -> {
                    if (!c.values().contains(v)) {
                        out.add(QuarantineReason.UNKNOWN_CODE);
                    }
                }
                case JSON -> {
                    JsonNode n = JSON.readTree(v);
                    if (n == null || !n.isObject()) {
                        out.add(QuarantineReason.INVALID_JSON);
                    }
                }
                default -> { }
            }
        } catch (RuntimeException | IOException e) {
            out.add(switch (c.type().kind()) {
                case TIMESTAMP -> QuarantineReason.UNPARSEABLE_TIMESTAMP;
                case DATE -> QuarantineReason.UNPARSEABLE_DATE;
                case DECIMAL -> QuarantineReason.UNPARSEABLE_DECIMAL;
                case INT -> QuarantineReason.UNPARSEABLE_INTEGER;
                case JSON -> QuarantineReason.INVALID_JSON;
                default -> throw new AssertionError(e);
            });
        }
        return out;
    }

    /** Field-level problems of a decoded, split row (wrong column count or per-field checks). */
    static Set<QuarantineReason> checkRow(LandingEntity e, List<String> fields) {
        if (fields.size() != e.fields().size()) {
            return EnumSet.of(QuarantineReason.WRONG_COLUMN_COUNT);
        }
        Set<QuarantineReason> out = EnumSet.noneOf(QuarantineReason.class);
        for (int i = 0; i < fields.size(); i++) {
            out.addAll(check(e.fields().get(i), fields.get(i)));
        }
        return out;
    }

    /** The batch folders of an entity, sorted. */
    static List<Path> batches(Path root, String entity) {
        Path dir = root.resolve(entity);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path file(Path batchDir, String entity) {
        return batchDir.resolve(entity + "-" + batchDir.getFileName() + ".csv");
    }

    /** All decoded data rows (header skipped) of an entity over all batches. */
    static List<List<String>> rows(Path root, String entity) {
        List<List<String>> out = new ArrayList<>();
        for (Path b : batches(root, entity)) {
            List<byte[]> lines = rawLines(file(b, entity));
            for (int i = 1; i < lines.size(); i++) {
                out.add(split(new String(lines.get(i), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    static Set<String> customerIds(Path root) {
        Set<String> ids = new TreeSet<>();
        rows(root, "customers").forEach(r -> ids.add(r.get(0)));
        return ids;
    }

    static LandingEntity entity(String name) {
        return Catalog.get().landing(name);
    }

    /** Every regular file under root, as sorted relative paths. */
    static List<String> allFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
