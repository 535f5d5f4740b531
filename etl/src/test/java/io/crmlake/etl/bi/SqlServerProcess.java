package io.crmlake.etl.bi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code crmlake sql-server} in a JVM of its own, started the way the launcher starts it (the
 * JVM flags from conf/spark-jvm.options, the CLI main class), on a free port.
 */
final class SqlServerProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Path stderr;
    final int port;

    private SqlServerProcess(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.add(line);
                        output.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "sql-server-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server and waits until it says it listens (or fails with its output). */
    static SqlServerProcess start(Path lake, Path workDir, Path cwd) throws Exception {
        Files.createDirectories(cwd);
        int port = freePort();
        Path config = cwd.resolve("crmlake.yml");
        Files.writeString(config, """
                lake: %s
                spark_master: local[2]
                spark_conf:
                  spark.sql.shuffle.partitions: "2"
                  spark.databricks.delta.snapshotPartitions: "2"
                """.formatted(lake));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + projectFile("conf/spark-jvm.options"), "-Xmx1g", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                "io.crmlake.etl.cli.Crmlake", "sql-server", "--config", config.toString(),
                "--port", Integer.toString(port), "--work-dir", workDir.toString()));
        Path stderr = cwd.resolve("sql-server.stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        SqlServerProcess server = new SqlServerProcess(builder.start(), stderr, port);
        server.awaitLine("listening on", 240);
        return server;
    }

    record Exit(int code, String stdout, String stderr) {}

    /** Runs {@code crmlake <args>} in a JVM of its own to the end (for failures after Spark started). */
    static Exit runToExit(Path cwd, String... args) throws Exception {
        Files.createDirectories(cwd);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + projectFile("conf/spark-jvm.options"), "-Xmx1g", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "io.crmlake.etl.cli.Crmlake"));
        command.addAll(List.of(args));
        Path out = cwd.resolve("stdout.txt");
        Path err = cwd.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().remove("CRMLAKE_DEBUG");
        Process p = builder.start();
        p.getOutputStream().close();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("crmlake " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Exit(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    void awaitLine(String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (output) {
            while (output.stream().noneMatch(l -> l.contains(text))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive()) {
                    output.wait(500);
                    if (output.stream().anyMatch(l -> l.contains(text))) {
                        return;
                    }
                    throw new IllegalStateException("sql-server did not say '" + text + "' (alive=" + process.isAlive()
                            + "); stdout:\n" + String.join("\n", output) + "\nstderr:\n" + tail(stderr));
                }
                output.wait(Math.min(left, 1000));
            }
        }
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    String url() {
        return "jdbc:hive2://127.0.0.1:" + port + "/crmlake";
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A file of the repository, found from the module directory the tests run in. */
    static Path projectFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
