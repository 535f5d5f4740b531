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

    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
