package io.crmlake.etl.marts;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.rules.RuleSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * What every mart job needs: the lake's tables, the versioned rules, the date the analysis is
 * "as of" (inclusive; data after it is invisible to the job), the business time zone, and where
 * progress lines go.
 */
public record MartRun(LakeTables tables, RuleSet rules, LocalDate asOf, ZoneId zone, Consumer<String> progress) {
}
