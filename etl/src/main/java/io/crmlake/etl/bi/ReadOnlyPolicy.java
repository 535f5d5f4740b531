package io.crmlake.etl.bi;

import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.SetCommand;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * What a BI user may run: queries, and the commands that only look (SHOW…, DESCRIBE…, EXPLAIN,
 * SET, USE). Anything else that Spark or Delta analyses into a command (INSERT, MERGE, DELETE,
 * UPDATE, CREATE, DROP, ALTER, OPTIMIZE, VACUUM, RESTORE, CACHE, ADD JAR, …) is refused before it
 * runs. An allow-list, so that a command added by a later Spark or Delta version is refused
 * until someone decides otherwise.
 */
final class ReadOnlyPolicy {

    /** Commands that only look, beyond the SHOW… and DESCRIBE… families. */
    private static final Set<String> LOOKING_COMMANDS = Set.of(
            "SetCommand", "ResetCommand", "SetCatalogAndNamespace", "SetNamespaceCommand", "SetCatalogCommand",
            "ExplainCommand");

    /** Settings a BI session may not change: they would reopen what the server closed. */
    private static final Set<String> LOCKED_SETTINGS = Set.of(
            "spark.sql.runsqlonfiles", "spark.databricks.delta.catalog.update.enabled");

    private ReadOnlyPolicy() {}

    /** Why the plan is refused, or empty when a BI user may run it. */
    static Optional<String> violation(LogicalPlan plan) {
        Optional<String> found = commandViolation(plan);
        if (found.isPresent()) {
            return found;
        }
        for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            found = violation(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Refuses a session whose locked settings were changed (e.g. through the JDBC URL). */
    static Optional<String> settingViolation(String key, String value) {
        if ("spark.sql.runsqlonfiles".equals(key.toLowerCase(java.util.Locale.ROOT)) && "true".equalsIgnoreCase(value)) {
            return Optional.of("reading files by path (spark.sql.runSQLOnFiles) is turned off; query the tables of the crmlake database");
        }
        return Optional.empty();
    }

    private static Optional<String> commandViolation(LogicalPlan plan) {
        if (plan instanceof SetCommand set) {
            Option<Tuple2<String, Option<String>>> pair = set.kv();
            if (pair.isDefined() && pair.get()._2().isDefined()
                    && LOCKED_SETTINGS.contains(pair.get()._1().trim().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of("the setting " + pair.get()._1().trim() + " is fixed by the server");
            }
            return Optional.empty();
        }
        if (!(plan instanceof Command)) {
            return Optional.empty();
        }
        String name = plan.getClass().getSimpleName();
        if (name.startsWith("Show") || name.startsWith("Describe") || LOOKING_COMMANDS.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(name.replaceAll("(Command|Exec|Statement)$", "") + " changes data or server state");
    }
}
