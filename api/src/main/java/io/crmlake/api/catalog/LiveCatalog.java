package io.crmlake.api.catalog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.crmlake.warehouse.serving.MissingCatalogException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The catalog the service answers from. It watches the catalog file and, when a publish has
 * renamed a new file over it, opens the new one and retires the old one: requests in flight
 * finish on the old file, new requests see the new data. Without a catalog the service still
 * starts; requests get 503 and the health check says DOWN with the reason.
 */
@Component
public class LiveCatalog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveCatalog.class);

    private final Path file;
    private final int duckdbThreads;
    private volatile CatalogGeneration current;
    private volatile String problem;
    private volatile int generations;

    public LiveCatalog(ServingProperties properties, MeterRegistry meters) {
        this.file = properties.catalogFile();
        this.duckdbThreads = properties.duckdbThreads();
        refresh();
        Gauge.builder("crmlake.catalog.age", this, c -> c.current().map(g -> ageSeconds(g)).orElse(Double.NaN))
                .description("Seconds since the serving catalog was published")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("crmlake.catalog.generations", this, c -> c.generations)
                .description("Catalog files opened since the service started")
                .register(meters);
    }

    /** Checks the file and switches to a newly published one; true when it switched. */
    @Scheduled(fixedDelayString = "${crmlake.watch-interval:2s}", initialDelayString = "${crmlake.watch-interval:2s}")
    public synchronized boolean refresh() {
        Optional<FileIdentity> identity = FileIdentity.of(file);
        CatalogGeneration old = current;
        if (identity.isEmpty()) {
            if (old == null) {
                problem = new MissingCatalogException(file).getMessage();
            }
            return false;
        }
        if (old != null && old.identity().equals(identity.get())) {
            return false;
        }
        try {
            CatalogGeneration next = CatalogGeneration.open(file, identity.get(), duckdbThreads);
            current = next;
            problem = null;
            generations++;
            log.info("serving catalog {} published at {} ({} tables)", file, next.publishedAt(), next.deltaVersions().size());
            if (old != null) {
                old.retire();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            problem = "cannot open the catalog at " + file + ": " + e.getMessage();
            log.warn(problem);
            return false;
        }
    }

    /** A read-only connection to the current catalog; the caller closes it. */
    public Connection connect() {
        return session().connection();
    }

    /**
     * A read-only connection together with the catalog generation it reads: a request that asks
     * the generation which tables exist must query that same file, not one published in between.
     * The caller closes it.
     */
    public CatalogSession session() {
        while (true) {
            CatalogGeneration g = current;
            if (g == null) {
                throw new NoCatalogException(problem == null ? "no catalog at " + file : problem);
            }
            try {
                Connection c = g.connect();
                if (c != null) {
                    return new CatalogSession(g, c);
                }
                // null: g was retired after we read it; take the newer one.
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the catalog at " + file + ": " + e.getMessage(), e);
            }
        }
    }

    public Optional<CatalogGeneration> current() {
        return Optional.ofNullable(current);
    }

    /** Why there is no usable catalog, when there is none (or the newest file could not be opened). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public Path file() {
        return file;
    }

    public static double ageSeconds(CatalogGeneration g) {
        return Duration.between(g.publishedAt(), Instant.now()).toMillis() / 1000.0;
    }

    @Override
    public synchronized void destroy() {
        if (current != null) {
            current.retire();
        }
    }
}
