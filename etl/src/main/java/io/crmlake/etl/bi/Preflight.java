package io.crmlake.etl.bi;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.lake.LakePaths;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks made before Spark and Hive start, so that the usual mistakes give one sentence in a
 * second instead of a Hive stack trace after half a minute: a port in use, a metastore that does
 * not answer, a lake that is not there.
 */
final class Preflight {

    private static final int CONNECT_TIMEOUT_MS = 3000;

    private Preflight() {}

    static void check(SqlEndpoint endpoint) {
        lakeExists(endpoint.lake());
        portFree(endpoint.host(), endpoint.port());
        endpoint.metastoreUri().ifPresent(Preflight::metastoreAnswers);
    }

    /** A local lake must hold at least one Delta table of the catalog; a remote one is checked after Spark starts. */
    static void lakeExists(LakePaths lake) {
        if (!lake.isLocal()) {
            return;
        }
        Path root = Path.of(lake.root());
        if (!Files.isDirectory(root)) {
            throw new SqlServerException("no lake at " + root + "; build one with `crmlake run` (or `crmlake demo`), or pass --lake");
        }
        boolean anyTable = Catalog.get().tables().stream()
                .anyMatch(t -> Files.isDirectory(Path.of(lake.table(t)).resolve("_delta_log")));
        if (!anyTable) {
            throw new SqlServerException("the lake at " + root + " has no Delta tables yet; run `crmlake run` first, or pass --lake");
        }
    }

    static void portFree(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SqlServerException("--host '" + host + "' is not a known address; use 127.0.0.1 (the default) or an address of this machine", e);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new SqlServerException("port " + port + " on " + host + " is already in use (another sql-server?); stop that process or choose another with --port", e);
        }
    }

    static void metastoreAnswers(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new SqlServerException("the Hive metastore at " + uri + " does not answer (" + e.getMessage()
                    + "); start it, check --metastore-uri, or leave the option out to use the embedded metastore", e);
        }
    }
}
