package io.crmlake.etl.spark;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Catalog types as Spark types. */
public final class SparkTypes {

    private SparkTypes() {}

    public static org.apache.spark.sql.types.DataType of(DataType type) {
        DataType stored = type.stored();
        return switch (stored.kind()) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case BIGINT -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case DECIMAL -> DataTypes.createDecimalType(stored.precision(), stored.scale());
            default -> throw new IllegalStateException("no Spark type for " + stored);
        };
    }

    public static StructField field(Column column) {
        return DataTypes.createStructField(column.name(), of(column.type()), column.nullable());
    }

    public static StructType struct(List<Column> columns) {
        return DataTypes.createStructType(columns.stream().map(SparkTypes::field).toList());
    }

    /** A value the Row encoder takes regardless of the java8 date API setting. */
    public static Object external(Object value) {
        if (value instanceof java.time.LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (value instanceof java.time.Instant i) {
            return java.sql.Timestamp.from(i);
        }
        return value;
    }
}
