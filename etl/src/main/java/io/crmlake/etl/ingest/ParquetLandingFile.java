package io.crmlake.etl.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet landing file turned into records the contract validator checks like JSON lines:
 * each row becomes a JSON object of the contract's text forms (ISO dates, timestamps with
 * offset, plain decimals), so a typed Parquet value and the same value delivered as CSV text
 * pass or fail the same checks, and a quarantined row keeps a readable raw line. Row numbers
 * count rows from 1. The file's schema is checked once, like a CSV header: an unknown or a
 * missing required column refuses the file, and nested columns are not part of the contract.
 */
final class ParquetLandingFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParquetLandingFile() {}

    static List<LandingRecord> records(byte[] content, LandingEntity entity, String relative) {
        try (ParquetFileReader reader = ParquetFileReader.open(new InMemoryInputFile(content))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            requireContractColumns(schema, entity, relative);
            List<LandingRecord> records = new ArrayList<>();
            long row = 0;
            for (PageReadStore pages; (pages = reader.readNextRowGroup()) != null; ) {
                RecordReader<Group> rows = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    records.add(record(++row, rows.read(), schema));
                }
            }
            return records;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ContractBreach breach) {
                throw breach;
            }
            throw new ContractBreach(relative + " is not a readable Parquet file (" + e.getMessage()
                    + "); re-export it, or deliver the batch as CSV or JSON lines");
        }
    }

    private static void requireContractColumns(MessageType schema, LandingEntity entity, String relative) {
        List<String> unknown = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (entity.field(t.getName()).isEmpty()) {
                unknown.add(t.getName());
            } else if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                throw new ContractBreach(relative + ": column " + t.getName() + " is nested or repeated; the contract "
                        + "takes flat columns (deliver JSON objects such as attributes as text)");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ContractBreach(relative + ": unknown column(s) " + unknown + " for " + entity.name()
                    + "; the contract has " + entity.fieldNames() + " (see docs/data-contract.md)");
        }
        List<String> missing = entity.fields().stream().filter(Column::required).map(Column::name)
                .filter(name -> !schema.containsField(name)).toList();
        if (!missing.isEmpty()) {
            throw new ContractBreach(relative + ": the file lacks required column(s) " + missing
                    + " of " + entity.name() + "; deliver them, or fix the extract");
        }
    }

    private static LandingRecord record(long rowNumber, Group row, MessageType schema) {
        ObjectNode json = JSON.createObjectNode();
        boolean validUtf8 = true;
        for (int f = 0; f < schema.getFieldCount(); f++) {
            if (row.getFieldRepetitionCount(f) == 0) {
                continue;
            }
            PrimitiveType type = schema.getType(f).asPrimitiveType();
            String name = type.getName();
            switch (type.getPrimitiveTypeName()) {
                case BOOLEAN -> json.put(name, Boolean.toString(row.getBoolean(f, 0)));
                case INT32 -> json.put(name, int32(row.getInteger(f, 0), type.getLogicalTypeAnnotation()));
                case INT64 -> json.put(name, int64(row.getLong(f, 0), type.getLogicalTypeAnnotation()));
                case FLOAT -> json.put(name, new BigDecimal(Float.toString(row.getFloat(f, 0))).toPlainString());
                case DOUBLE -> json.put(name, BigDecimal.valueOf(row.getDouble(f, 0)).toPlainString());
                case INT96 -> json.put(name, int96(row.getInt96(f, 0)));
                case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                    Binary value = row.getBinary(f, 0);
                    if (type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation d) {
                        json.put(name, new BigDecimal(new BigInteger(value.getBytes()), d.getScale()).toPlainString());
                    } else {
                        String text = strictUtf8(value.getBytes());
                        validUtf8 &= text != null;
                        json.put(name, text != null ? text : new String(value.getBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new LandingRecord(rowNumber, json.toString(), validUtf8);
    }

    private static String int32(int value, LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(value).toString();
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return BigDecimal.valueOf(value, d.getScale()).toPlainString();
        }
        return Integer.toString(value);
    }

    private static String int64(long value, LogicalTypeAnnotation logical) {
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return BigDecimal.valueOf(value, d.getScale()).toPlainString();
        }
        if (logical instanceof TimestampLogicalTypeAnnotation t) {
            Instant instant = switch (t.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(value);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            };
            // A timestamp not adjusted to UTC is a wall-clock time without a zone: rendered
            // without an offset, it fails the contract's "ISO-8601 with offset" like CSV text would.
            return t.isAdjustedToUTC() ? instant.toString() : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        return Long.toString(value);
    }

    /** Legacy INT96 timestamps (Impala, older Spark): nanoseconds of the day, then the Julian day, little-endian. */
    private static String int96(Binary value) {
        ByteBuffer buffer = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong();
        int julianDay = buffer.getInt();
        long epochDay = julianDay - 2_440_588L;
        return Instant.ofEpochSecond(epochDay * 86_400L, 0).plusNanos(nanosOfDay).toString();
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The bytes binaryFile already read, as Parquet's random-access input. */
    private record InMemoryInputFile(byte[] content) implements InputFile {
        @Override
        public long getLength() {
            return content.length;
        }

        @Override
        public SeekableInputStream newStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(content);
            // The position is read back from the array stream itself: Parquet's readFully and
            // ByteBuffer reads go to the wrapped stream directly, past any counting override.
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return content.length - in.available();
                }

                @Override
                public void seek(long newPos) {
                    in.reset();
                    in.skip(newPos);
                }
            };
        }
    }
}
