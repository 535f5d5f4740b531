package io.crmlake.etl.bi;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The Apache Hive JDBC driver (hive-jdbc 4.0.1, standalone jar from Maven Central) in a class
 * loader of its own: its Hive 4 classes would clash with Spark's Hive 2.3 on the test class path,
 * so the build copies the jar to target/bi-client and only java.sql is shared. This is the
 * driver DBeaver, Superset and friends use against a HiveServer2.
 */
final class IsolatedHiveJdbc implements AutoCloseable {

    static final Path JAR = Path.of("target", "bi-client", "hive-jdbc-standalone.jar");

    private final URLClassLoader loader;
    private final Driver driver;

    IsolatedHiveJdbc() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; the etl build copies it in generate-test-resources");
        }
        loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        driver = (Driver) loader.loadClass("org.apache.hive.jdbc.HiveDriver").getDeclaredConstructor().newInstance();
    }

    Connection connect(String url) throws SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Properties user = new Properties();
            user.setProperty("user", "analyst");
            return driver.connect(url, user);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The driver class really came from the isolated jar, not the test class path. */
    ClassLoader driverLoader() {
        return driver.getClass().getClassLoader();
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
