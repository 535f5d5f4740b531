package io.crmlake.etl.bi;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.Function1;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * A Spark session extension (spark.sql.extensions) that makes every session read-only except
 * the ones the server trusts: the session that registers the tables. The Thrift server gives
 * each JDBC connection a new session, so every BI connection is read-only, whatever the user
 * sets. The check runs after analysis and before a command executes (an analyzer check rule).
 */
public final class ReadOnlyExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

    private static final Set<SparkSession> TRUSTED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Marks the server's own session as allowed to write (it registers the tables). */
    static void trust(SparkSession session) {
        TRUSTED.add(session);
    }

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectCheckRule(new AbstractFunction1<SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
            @Override
            public Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
                return new Check(session);
            }
        });
        return BoxedUnit.UNIT;
    }

    private static final class Check extends AbstractFunction1<LogicalPlan, BoxedUnit> {
        private final SparkSession session;

        Check(SparkSession session) {
            this.session = session;
        }

        @Override
        public BoxedUnit apply(LogicalPlan plan) {
            if (TRUSTED.contains(session)) {
                return BoxedUnit.UNIT;
            }
            String files = session.conf().get("spark.sql.runSQLOnFiles", "false");
            ReadOnlyPolicy.settingViolation("spark.sql.runSQLOnFiles", files)
                    .or(() -> ReadOnlyPolicy.violation(plan))
                    .ifPresent(reason -> {
                        throw new ReadOnlyViolation("crmlake sql-server is read-only for BI users: " + reason
                                + "; allowed are SELECT, SHOW, DESCRIBE, EXPLAIN, SET and USE");
                    });
            return BoxedUnit.UNIT;
        }
    }

    /** What a BI client sees when it tries to change something. */
    public static final class ReadOnlyViolation extends RuntimeException {
        ReadOnlyViolation(String message) {
            super(message);
        }
    }
}
