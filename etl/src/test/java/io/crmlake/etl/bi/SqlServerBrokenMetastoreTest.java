package io.crmlake.etl.bi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metastore address that answers TCP but is no Hive metastore (a wrong port, a proxy, a
 * metastore that crashed after accepting): the check before start passes, Hive's client fails
 * inside Spark, and the user still gets one sentence and no stack trace. In its own JVM, because
 * the server needs a Hive-enabled Spark session.
 */
class SqlServerBrokenMetastoreTest {

    @TempDir
    Path dir;

    @Test
    void aPortThatIsNotAMetastoreGivesOneSentence() throws Exception {
        Path lake = dir.resolve("lake");
        Files.createDirectories(lake.resolve("gold/dim_date/_delta_log"));
        try (ServerSocket notAMetastore = new ServerSocket()) {
            notAMetastore.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Thread hangUp = new Thread(() -> {
                while (!notAMetastore.isClosed()) {
                    try (Socket client = notAMetastore.accept()) {
                        client.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes());
                    } catch (IOException closed) {
                        // stopped, or the client went away
                    }
                }
            }, "not-a-metastore");
            hangUp.setDaemon(true);
            hangUp.start();
            String uri = "thrift://127.0.0.1:" + notAMetastore.getLocalPort();
            SqlServerProcess.Exit exit = SqlServerProcess.runToExit(dir.resolve("cwd"), "sql-server",
                    "--lake", lake.toString(), "--port", Integer.toString(SqlServerProcess.freePort()),
                    "--metastore-uri", uri, "--work-dir", dir.resolve("work").toString());
            assertThat(exit.code()).as(exit.stderr()).isEqualTo(2);
            assertThat(exit.stderr()).contains("crmlake sql-server: the Hive metastore (" + uri + ") cannot be used (")
                    .contains("check --metastore-uri")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception:");
        }
    }
}
