package io.crmlake.etl.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks landing records of one file against the contract of its entity. For CSV the header
 * (line 1) maps columns to fields; it must name every required field and nothing unknown, or
 * the file is refused as a whole. Checks run in a fixed order: UTF-8, column count, then each
 * field in contract order, so every row gets exactly one reason.
 */
public final class RowValidator implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().get();

    private final LandingEntity entity;
    private final LandingFormat format;
    private final String header;
    /** For CSV: the CSV column of each contract field, -1 when the file does not carry it. */
    private final int[] columnOfField;
    private final int columns;

    private RowValidator(LandingEntity entity, LandingFormat format, String header, int[] columnOfField, int columns) {
        this.entity = entity;
        this.format = format;
        this.header = header;
        this.columnOfField = columnOfField;
        this.columns = columns;
    }

    public static RowValidator jsonLines(LandingEntity entity) {
        return new RowValidator(entity, LandingFormat.JSON_LINES, null, null, 0);
    }

    /** A CSV validator for a file whose first line is {@code header}; {@code file} names it in errors. */
    public static RowValidator csv(LandingEntity entity, String header, String file) {
        List<String> names = parseCsv(header);
        if (names == null || names.isEmpty() || names.size() == 1 && names.get(0).isBlank()) {
            throw new ContractBreach(file + ": the first line must be a header naming the columns "
                    + entity.fieldNames());
        }
        List<String> unknown = names.stream().filter(n -> entity.field(n.trim()).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new ContractBreach(file + " line 1: unknown column(s) " + unknown + " for " + entity.name()
                    + "; the contract has " + entity.fieldNames() + " (see docs/data-contract.md)");
        }
        int[] columnOf = new int[entity.fields().size()];
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < columnOf.length; f++) {
            Column field = entity.fields().get(f);
            columnOf[f] = indexOf(names, field.name());
            if (columnOf[f] < 0 && field.required()) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ContractBreach(file + " line 1: the header lacks required column(s) " + missing
                    + " of " + entity.name() + "; deliver them, or fix the extract");
        }
        return new RowValidator(entity, LandingFormat.CSV, header, columnOf, names.size());
    }

    /** The header line this validator was built from (stored with quarantined rows to re-check them later). */
    public String header() {
        return header;
    }

    public ValidatedRow validate(LandingRecord record) {
        if (!record.validUtf8()) {
            return ValidatedRow.rejected(record, QuarantineReason.INVALID_UTF8, null,
                    "the row is not valid UTF-8 (invalid bytes shown as U+FFFD); re-export the file as UTF-8");
        }
        return format == LandingFormat.CSV ? validateCsv(record) : validateJson(record);
    }

    private ValidatedRow validateCsv(LandingRecord record) {
        List<String> cells = parseCsv(record.text());
        if (cells == null || cells.size() != columns) {
            String got = cells == null ? "an unterminated quote" : cells.size() + " column(s)";
            return ValidatedRow.rejected(record, QuarantineReason.WRONG_COLUMN_COUNT, null,
                    "expected " + columns + " columns as in the header, got " + got);
        }
        String[] texts = new String[entity.fields().size()];
        for (int f = 0; f < texts.length; f++) {
            texts[f] = columnOfField[f] < 0 ? null : cells.get(columnOfField[f]);
        }
        return typed(record, texts);
    }

    private ValidatedRow validateJson(LandingRecord record) {
        JsonNode node;
        try {
            node = JSON.readTree(record.text());
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return ValidatedRow.rejected(record, QuarantineReason.WRONG_COLUMN_COUNT, null,
                    "the line is not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (entity.field(name).isEmpty()) {
                return ValidatedRow.rejected(record, QuarantineReason.UNKNOWN_FIELD, name,
                        "field " + name + " is not in the " + entity.name() + " contract");
            }
        }
        String[] texts = new String[entity.fields().size()];
        for (int f = 0; f < texts.length; f++) {
            JsonNode value = node.get(entity.fields().get(f).name());
            texts[f] = value == null || value.isNull() ? null
                    : value.isContainerNode() ? value.toString() : value.asText();
        }
        return typed(record, texts);
    }

    private ValidatedRow typed(LandingRecord record, String[] texts) {
        Object[] values = new Object[texts.length];
        for (int f = 0; f < texts.length; f++) {
            Column field = entity.fields().get(f);
            try {
                values[f] = FieldParser.parse(field, texts[f]);
            } catch (FieldParser.FieldRejected e) {
                return ValidatedRow.rejected(record, e.reason, field.name(), e.getMessage());
            }
        }
        return ValidatedRow.good(record, values);
    }

    private static List<String> parseCsv(String line) {
        try (CSVParser parser = CSVParser.parse(line, CSV)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                return List.of();
            }
            CSVRecord r = it.next();
            if (it.hasNext()) {
                return null;
            }
            return r.toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int indexOf(List<String> names, String field) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
