package io.crmlake.etl.bi;

import java.util.Locale;

/**
 * Turns what Hive, Thrift and DataNucleus throw when the configuration is wrong into one
 * sentence. The checks in {@link Preflight} catch the usual cases first; this covers the same
 * causes when they happen later (a port taken in between, a metastore that answers TCP but is
 * not a metastore, a Derby database locked by another server).
 */
final class HiveFailures {

    private HiveFailures() {}

    static RuntimeException explain(Exception e, SqlEndpoint endpoint) {
        if (e instanceof SqlServerException known) {
            return known;
        }
        String text = allMessages(e).toLowerCase(Locale.ROOT);
        if (text.contains("could not create serversocket") || text.contains("address already in use")) {
            return new SqlServerException("port " + endpoint.port() + " on " + endpoint.host()
                    + " is already in use (another sql-server?); stop that process or choose another with --port", e);
        }
        if (text.contains("another instance of derby may have already booted")) {
            return new SqlServerException("the embedded metastore " + endpoint.derbyDatabase()
                    + " is in use by another crmlake sql-server on this lake; stop it, or give this one an external metastore with --metastore-uri", e);
        }
        boolean external = endpoint.metastoreUri().isPresent();
        if (text.contains("unable to instantiate") || text.contains("could not connect to meta store")
                || text.contains("metaexception") || text.contains("org.apache.thrift")
                || external && (text.contains("broken pipe") || text.contains("connection reset") || text.contains("socketexception"))) {
            return new SqlServerException("the Hive metastore (" + endpoint.metastoreDescription()
                    + ") cannot be used (" + firstLine(rootCause(e)) + "); check --metastore-uri or leave it out to use the embedded metastore", e);
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }

    private static String allMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse("").trim();
    }
}
