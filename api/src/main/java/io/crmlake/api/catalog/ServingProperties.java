package io.crmlake.api.catalog;

import io.crmlake.warehouse.lake.LakeConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service finds the published catalog. {@code crmlake.serving} names the serving folder
 * directly; otherwise it is {@code <lake>/serving}, with the lake from {@code crmlake.lake} or
 * conf/crmlake.yml ({@code crmlake.config}) as the pipeline sees it. An object-storage lake
 * publishes to the local work/serving folder, because the service reads a local file.
 */
@ConfigurationProperties("crmlake")
public record ServingProperties(String config, String lake, String serving, Duration watchInterval, Integer duckdbThreads) {

    public static final String CATALOG_FILE = io.crmlake.warehouse.serving.ServingCatalog.FILE_NAME;

    public ServingProperties {
        watchInterval = watchInterval == null ? Duration.ofSeconds(2) : watchInterval;
        if (duckdbThreads != null && duckdbThreads < 0) {
            throw new IllegalArgumentException("crmlake.duckdb-threads: " + duckdbThreads
                    + " is negative; give 0 for DuckDB's default (one per core) or a positive number");
        }
        duckdbThreads = duckdbThreads == null ? 0 : duckdbThreads;
    }

    public Path servingDir() {
        if (serving != null && !serving.isBlank()) {
            return Path.of(serving).toAbsolutePath().normalize();
        }
        LakeConfig lakeConfig = LakeConfig.load(config == null || config.isBlank() ? null : Path.of(config));
        if (lake != null && !lake.isBlank()) {
            lakeConfig = lakeConfig.withLake(lake);
        }
        // LakePaths knows the `serving` key of the configuration and the default for a remote lake.
        return lakeConfig.paths().serving();
    }

    public Path catalogFile() {
        return servingDir().resolve(CATALOG_FILE);
    }
}
