package io.crmlake.etl.bi;

import io.crmlake.warehouse.lake.LakePaths;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the JDBC endpoint listens and where Hive keeps its state. The metastore is embedded
 * Derby under {@code <lake>/_metastore} (a lake on object storage keeps it in the work
 * directory instead) unless an external Hive metastore is given as {@code thrift://host:port}.
 * Hive's scratch, resource, query-log and operation-log folders, the warehouse folder and
 * derby.log all go to the work directory, never to Hive's default scratch folder in the system
 * temp directory or to the current directory.
 *
 * @param host          address to bind; loopback unless the operator opens it up
 * @param port          HiveServer2 binary-protocol port
 * @param metastoreUri  external metastore, or empty for embedded Derby
 * @param workDir       absolute folder for Hive's scratch state
 */
public record SqlEndpoint(String host, int port, Optional<URI> metastoreUri, Path workDir, LakePaths lake) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 10000;
    /** The database BI users see. */
    public static final String DATABASE = "crmlake";

    /** Folders under the work directory that Hive expects to exist. */
    static final java.util.List<String> WORK_FOLDERS = java.util.List.of(
            "scratch", "scratch-local", "resources", "querylog", "operation_logs", "warehouse", "spark-local");

    public SqlEndpoint {
        if (port < 1 || port > 65535) {
            throw new SqlServerException("--port " + port + " is not a TCP port; use 1-65535 (default " + DEFAULT_PORT + ")");
        }
        workDir = workDir.toAbsolutePath().normalize();
        metastoreUri.ifPresent(SqlEndpoint::checkMetastoreUri);
    }

    private static void checkMetastoreUri(URI uri) {
        if (!"thrift".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new SqlServerException("--metastore-uri '" + uri + "' is not a Hive metastore address; write it as thrift://host:9083");
        }
    }

    /** The address a BI tool connects to. */
    public String jdbcUrl() {
        return "jdbc:hive2://" + host + ":" + port + "/" + DATABASE;
    }

    /** Embedded Derby's database folder, when no external metastore is configured. */
    public Path derbyDatabase() {
        Path base = lake.isLocal() ? Path.of(lake.root()).resolve("_metastore") : workDir.resolve("metastore");
        return base.resolve("metastore_db");
    }

    public String metastoreDescription() {
        return metastoreUri.map(URI::toString).orElse("embedded Derby at " + derbyDatabase());
    }

    /**
     * Spark and Hive settings for the server's session. Hive settings go through
     * {@code spark.hadoop.*}, which reaches both the metastore client and the Thrift server's
     * own HiveConf.
     */
    public Map<String, String> sparkSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.sql.catalogImplementation", "hive");
        s.put("spark.sql.warehouse.dir", workDir.resolve("warehouse").toUri().toString());
        s.put("spark.local.dir", workDir.resolve("spark-local").toString());
        // Delta writes the table's schema (with the column comments) into the metastore when it
        // registers a table, so JDBC metadata (GetColumns) shows the columns; without it a Delta
        // table has an empty schema there (delta-io/delta#695, #662).
        s.put("spark.databricks.delta.catalog.update.enabled", "true");
        // A BI user reads tables by name only, not arbitrary files by path.
        s.put("spark.sql.runSQLOnFiles", "false");
        s.put("spark.ui.enabled", "false");
        hive(s, "hive.server2.thrift.bind.host", host);
        hive(s, "hive.server2.thrift.port", Integer.toString(port));
        hive(s, "hive.server2.transport.mode", "binary");
        hive(s, "hive.server2.enable.doAs", "false");
        hive(s, "hive.exec.scratchdir", workDir.resolve("scratch").toString());
        hive(s, "hive.exec.local.scratchdir", workDir.resolve("scratch-local").toString());
        hive(s, "hive.downloaded.resources.dir", workDir.resolve("resources").toString());
        hive(s, "hive.querylog.location", workDir.resolve("querylog").toString());
        hive(s, "hive.server2.logging.operation.log.location", workDir.resolve("operation_logs").toString());
        hive(s, "hive.metastore.warehouse.dir", workDir.resolve("warehouse").toUri().toString());
        if (metastoreUri.isPresent()) {
            hive(s, "hive.metastore.uris", metastoreUri.get().toString());
            // Fail within seconds, not minutes, when the metastore goes away.
            hive(s, "hive.metastore.connect.retries", "1");
            hive(s, "hive.metastore.client.connect.retry.delay", "1s");
        } else {
            hive(s, "hive.metastore.uris", "");
            hive(s, "javax.jdo.option.ConnectionURL", "jdbc:derby:;databaseName=" + derbyDatabase() + ";create=true");
            hive(s, "javax.jdo.option.ConnectionDriverName", "org.apache.derby.jdbc.EmbeddedDriver");
            hive(s, "datanucleus.schema.autoCreateAll", "true");
            hive(s, "hive.metastore.schema.verification", "false");
            // A Derby database held by another server does not free itself: fail at once.
            hive(s, "hive.hmshandler.retry.attempts", "1");
        }
        return s;
    }

    private static void hive(Map<String, String> settings, String key, String value) {
        settings.put("spark.hadoop." + key, value);
    }
}
