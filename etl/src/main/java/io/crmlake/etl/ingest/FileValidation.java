package io.crmlake.etl.ingest;

import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark side of validation: one task per landing file (a binaryFile row: path and bytes) turns
 * the file into checked rows; the batch is the name of the file's folder. Good and rejected rows share one schema, the contract fields plus
 * lineage and the rejection columns, so one pass both loads and quarantines.
 */
public final class FileValidation implements FlatMapFunction<Row, Row> {

    public static final String REASON = "_reason";
    public static final String FIELD = "_field";
    public static final String DETAIL = "_detail";
    public static final String RAW_LINE = "_raw_line";
    public static final String HEADER = "_header";

    private final LandingEntity entity;

    public FileValidation(LandingEntity entity) {
        this.entity = entity;
    }

    public static StructType schema(LandingEntity entity) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : entity.fields()) {
            // Nullable here: rejected rows carry no values. Bronze's NOT NULL guards the good ones.
            fields.add(DataTypes.createStructField(c.name(), SparkTypes.of(c.type()), true));
        }
        fields.add(DataTypes.createStructField("_batch_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("_source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("_row_number", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(FIELD, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RAW_LINE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(HEADER, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    @Override
    public Iterator<Row> call(Row file) {
        String path = file.getString(0);
        byte[] content = (byte[]) file.get(1);
        // landing/<entity>/<batch>/<file>: the batch is the file's folder.
        String[] parts = path.split("/");
        String batchId = parts[parts.length - 2];
        String relative = entity.name() + "/" + batchId + "/" + parts[parts.length - 1];
        LandingFormat format = LandingFormat.of(path).orElseThrow();
        List<LandingRecord> records = format == LandingFormat.PARQUET
                ? ParquetLandingFile.records(content, entity, relative)
                : LandingFileSplitter.split(content, format == LandingFormat.CSV);
        List<Row> rows = new ArrayList<>(Math.max(0, records.size() - 1));
        RowValidator validator;
        int first;
        if (format == LandingFormat.CSV) {
            if (records.isEmpty()) {
                throw new ContractBreach(relative + " is empty: a CSV file needs at least its header line");
            }
            validator = RowValidator.csv(entity, records.get(0).text(), relative);
            first = 1;
        } else {
            validator = RowValidator.jsonLines(entity);
            first = 0;
        }
        for (int i = first; i < records.size(); i++) {
            rows.add(toRow(validator.validate(records.get(i)), batchId, relative, validator.header()));
        }
        return rows.iterator();
    }

    /** Validates single quarantined lines again (orphan release), with the header they came with. */
    public static Row revalidate(LandingEntity entity, String batchId, String relative, long rowNumber,
                                 String header, String rawLine) {
        RowValidator validator = header == null ? RowValidator.jsonLines(entity) : RowValidator.csv(entity, header, relative);
        ValidatedRow row = validator.validate(new LandingRecord(rowNumber, rawLine, true));
        return new FileValidation(entity).toRow(row, batchId, relative, header);
    }

    private Row toRow(ValidatedRow row, String batchId, String relative, String header) {
        int n = entity.fields().size();
        Object[] values = new Object[n + 8];
        if (row.isGood()) {
            for (int f = 0; f < n; f++) {
                values[f] = SparkTypes.external(row.values()[f]);
            }
        }
        values[n] = batchId;
        values[n + 1] = relative;
        values[n + 2] = row.rowNumber();
        values[n + 3] = row.isGood() ? null : row.reason().code();
        values[n + 4] = row.field();
        values[n + 5] = row.detail();
        values[n + 6] = row.rawLine();
        values[n + 7] = header;
        return RowFactory.create(values);
    }
}
