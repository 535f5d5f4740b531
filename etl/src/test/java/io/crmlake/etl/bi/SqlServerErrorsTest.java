package io.crmlake.etl.bi;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.cli.Crmlake;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Wrong configuration of {@code crmlake sql-server} gives one sentence and exit code 2, before
 * Spark or Hive start: a port in use, a metastore that does not answer, a lake that is not there.
 */
class SqlServerErrorsTest {

    @TempDir
    Path dir;

    Path lake;

    private record Outcome(int code, String err) {}

    @BeforeEach
    void aLakeWithOneTable() throws Exception {
        lake = dir.resolve("lake");
        Files.createDirectories(lake.resolve("gold/dim_date/_delta_log"));
    }

    private Outcome run(String... args) {
        CommandLine cli = Crmlake.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "sql-server";
        all[1] = "--work-dir";
        all[2] = dir.resolve("work").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int code = cli.execute(all);
        return new Outcome(code, err.toString());
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Outcome o = run("--lake", lake.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(o.code()).isEqualTo(2);
            assertThat(o.err()).isEqualTo("crmlake sql-server: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use (another sql-server?); stop that process or choose another with --port\n");
        }
    }

    @Test
    void anUnreachableMetastoreIsNamed() throws Exception {
        int closed = SqlServerProcess.freePort();
        Outcome o = run("--lake", lake.toString(), "--port", Integer.toString(SqlServerProcess.freePort()),
                "--metastore-uri", "thrift://127.0.0.1:" + closed);
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("crmlake sql-server: the Hive metastore at thrift://127.0.0.1:" + closed + " does not answer")
                .contains("--metastore-uri").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aMetastoreAddressThatIsNotThriftIsNamed() {
        Outcome o = run("--lake", lake.toString(), "--metastore-uri", "mysql://db:3306/hive");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("'mysql://db:3306/hive' is not a Hive metastore address; write it as thrift://host:9083");
    }

    @Test
    void aMissingLakeIsNamed() {
        Outcome o = run("--lake", dir.resolve("nowhere").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("crmlake sql-server: no lake at " + dir.resolve("nowhere")
                + "; build one with `crmlake run` (or `crmlake demo`), or pass --lake\n");
    }

    @Test
    void aLakeWithoutTablesIsNamed() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty.resolve("landing"));
        Outcome o = run("--lake", empty.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("has no Delta tables yet; run `crmlake run` first");
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        Outcome o = run("--lake", lake.toString(), "--port", "70000");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--port 70000 is not a TCP port");
    }
}
