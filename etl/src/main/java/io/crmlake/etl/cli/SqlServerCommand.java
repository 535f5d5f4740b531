package io.crmlake.etl.cli;

import io.crmlake.etl.bi.SqlEndpoint;
import io.crmlake.etl.bi.SqlServer;
import io.crmlake.warehouse.lake.LakeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sql-server", mixinStandardHelpOptions = true,
        description = {"JDBC endpoint for BI tools: the Spark Thrift Server (HiveServer2 protocol) over the lake's",
                "Delta tables. Registers every gold table, mart and ops table in the database `crmlake` (again",
                "on every start, so new marts appear), then serves read-only SQL until stopped (Ctrl-C).",
                "Connect with jdbc:hive2://127.0.0.1:10000/crmlake. See docs/sql-server.md."})
final class SqlServerCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = SqlEndpoint.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + SqlEndpoint.DEFAULT_PORT,
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--metastore-uri", paramLabel = "thrift://HOST:PORT",
            description = "External Hive metastore; default: embedded Derby under <lake>/_metastore.")
    URI metastoreUri;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "work/sql-server",
            description = "Hive's scratch, resource and log folders and derby.log (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.currentTimeMillis();
        LakeConfig config = lake.config();
        SqlEndpoint endpoint = new SqlEndpoint(host, port, Optional.ofNullable(metastoreUri), workDir, config.paths());
        Console.heading("sql-server " + config.paths().root());
        SqlServer server = SqlServer.start(config, endpoint, Console::line);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.line("sql-server stopping");
            server.stop();
            stopped.countDown();
        }, "crmlake-sql-server-stop"));
        Console.line("listening on " + endpoint.jdbcUrl() + " (read-only, authentication " + server.authentication() + "; "
                + "started in " + Console.seconds(System.currentTimeMillis() - start) + "); Ctrl-C to stop");
        stopped.await();
        return 0;
    }
}
