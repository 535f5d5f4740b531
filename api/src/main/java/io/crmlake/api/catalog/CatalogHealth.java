package io.crmlake.api.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Actuator health "catalog": publish time and age of the catalog being served; DOWN without one. */
@Component("catalog")
class CatalogHealth implements HealthIndicator {

    private final LiveCatalog catalog;

    CatalogHealth(LiveCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        return catalog.current()
                .map(g -> {
                    Health.Builder up = Health.up()
                            .withDetail("file", g.file().toString())
                            .withDetail("publishedAt", g.publishedAt().toString())
                            .withDetail("ageSeconds", Math.round(LiveCatalog.ageSeconds(g)))
                            .withDetail("tables", g.deltaVersions().size());
                    catalog.problem().ifPresent(p -> up.withDetail("newestFileProblem", p));
                    return up.build();
                })
                .orElseGet(() -> Health.down().withDetail("message", catalog.problem().orElse("no catalog")).build());
    }
}
