package io.crmlake.warehouse.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Where a table sits in the flow landing → bronze → silver → gold → marts; ops holds the pipeline's own records. */
public enum Layer {
    BRONZE, SILVER, GOLD, MART, OPS;

    @JsonCreator
    public static Layer parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown layer '" + text + "'; expected bronze, silver, gold, mart or ops");
        }
    }

    /**
     * Whether the layer's tables keep row changes as Delta deletion vectors. Silver takes
     * corrected rows by MERGE; with deletion vectors a MERGE that updates a few rows marks them
     * replaced instead of rewriting every file that holds one, which made a monthly build rewrite
     * whole silver tables for a handful of corrections. Only crmlake's Spark jobs read silver
     * (it is neither published nor shown over JDBC), and Delta 3.3 reads and writes deletion
     * vectors. Gold stays without: publishing hands its Parquet files to DuckDB as they are.
     */
    public boolean deletionVectors() {
        return this == SILVER;
    }

    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
