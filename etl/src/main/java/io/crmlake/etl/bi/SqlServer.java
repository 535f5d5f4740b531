package io.crmlake.etl.bi;

import io.crmlake.etl.spark.CrmlakeSpark;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.lake.LakeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * The JDBC endpoint for BI tools: the Spark Thrift Server (HiveServer2 protocol) started inside
 * this JVM over the lake's Delta tables, registered in the {@code crmlake} database, with every
 * BI session read-only. Start with {@link #start}, stop with {@link #stop}.
 */
public final class SqlServer {

    private final SqlEndpoint endpoint;
    private final SparkSession spark;
    private final HiveThriftServer2 server;
    private final LakeRegistration.Outcome registration;

    private SqlServer(SqlEndpoint endpoint, SparkSession spark, HiveThriftServer2 server, LakeRegistration.Outcome registration) {
        this.endpoint = endpoint;
        this.spark = spark;
        this.server = server;
        this.registration = registration;
    }

    public static SqlServer start(LakeConfig config, SqlEndpoint endpoint, Consumer<String> progress) {
        Preflight.check(endpoint);
        prepareWorkDir(endpoint);
        progress.accept("metastore: " + endpoint.metastoreDescription());
        SparkSession spark = session(config, endpoint);
        ReadOnlyExtension.trust(spark);
        LakeTables lake = new LakeTables(spark, config.paths());
        LakeRegistration.Outcome outcome;
        try {
            outcome = new LakeRegistration(spark, lake, SqlEndpoint.DATABASE).register(progress);
        } catch (Exception e) {
            throw HiveFailures.explain(e, endpoint);
        }
        if (outcome.served() == 0) {
            throw new SqlServerException("the lake at " + config.paths().root()
                    + " has no gold tables or marts yet; run `crmlake run` first, or pass --lake");
        }
        HiveThriftServer2 server;
        try {
            server = HiveThriftServer2.startWithContext(spark.sqlContext());
        } catch (Exception e) {
            throw HiveFailures.explain(e, endpoint);
        }
        return new SqlServer(endpoint, spark, server, outcome);
    }

    private static SparkSession session(LakeConfig config, SqlEndpoint endpoint) {
        SparkSession.Builder builder = CrmlakeSpark.builder(config);
        endpoint.sparkSettings().forEach(builder::config);
        builder.config("spark.sql.extensions", CrmlakeSpark.DELTA_EXTENSION + "," + ReadOnlyExtension.class.getName());
        try {
            return CrmlakeSpark.start(builder);
        } catch (Exception e) {
            throw HiveFailures.explain(e, endpoint);
        }
    }

    /** Hive and Derby write here, not to Hive's default scratch folder in the system temp directory or the current directory. */
    private static void prepareWorkDir(SqlEndpoint endpoint) {
        try {
            for (String folder : SqlEndpoint.WORK_FOLDERS) {
                Files.createDirectories(endpoint.workDir().resolve(folder));
            }
            if (endpoint.metastoreUri().isEmpty()) {
                Files.createDirectories(endpoint.derbyDatabase().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sql-server work directory " + endpoint.workDir(), e);
        }
        // Read when Derby boots, which is when the metastore client first connects.
        System.setProperty("derby.stream.error.file", endpoint.workDir().resolve("derby.log").toString());
    }

    public SqlEndpoint endpoint() {
        return endpoint;
    }

    public LakeRegistration.Outcome registration() {
        return registration;
    }

    /** HiveServer2's authentication mode as configured (spark_conf or spark-submit --conf). */
    public String authentication() {
        return spark.sparkContext().getConf().get("spark.hadoop.hive.server2.authentication", "NONE");
    }

    public void stop() {
        server.stop();
        spark.stop();
    }
}
