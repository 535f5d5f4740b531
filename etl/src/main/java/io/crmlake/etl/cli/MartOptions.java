package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.lake.LakeConfig;
import io.crmlake.warehouse.rules.RuleSets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Option;

/** Options every mart command shares: the as-of date and the rules folder. */
public final class MartOptions {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Analysis date (yyyy-MM-dd, inclusive). Default: the last day of the latest month in fact_customer_month.")
    LocalDate asOf;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of versioned rule files; overrides `rules` in the configuration (default conf/rules).")
    Path rules;

    MartRun run(LakeOptions lake, LakeTables tables) {
        LakeConfig config = lake.config();
        Path dir = rules != null ? rules : Path.of(config.rules());
        return new MartRun(tables, RuleSets.load(dir), asOf != null ? asOf : latestMonthEnd(tables),
                config.timezone(), Console::line);
    }

    /** The last day of the newest month the star schema holds: marts describe complete data. */
    static LocalDate latestMonthEnd(LakeTables tables) {
        if (!tables.exists("fact_customer_month")) {
            throw new IllegalStateException("the lake has no fact_customer_month yet; run `crmlake build` first");
        }
        Row max = tables.read("fact_customer_month").agg(org.apache.spark.sql.functions.max("month_key")).first();
        if (max.isNullAt(0)) {
            throw new IllegalStateException("fact_customer_month is empty; ingest and build at least one batch first");
        }
        int monthKey = max.getInt(0);
        return YearMonth.of(monthKey / 100, monthKey % 100).atEndOfMonth();
    }
}
