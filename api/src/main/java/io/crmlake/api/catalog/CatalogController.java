package io.crmlake.api.catalog;

import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What is being served (publish time, Delta versions), and the admin's "reload now" trigger. */
@RestController
class CatalogController {

    private final LiveCatalog catalog;

    CatalogController(LiveCatalog catalog) {
        this.catalog = catalog;
    }

    record CatalogStatus(String file, Instant publishedAt, double ageSeconds, Map<String, Long> deltaVersions,
                         Map<String, Long> rowCounts) {
    }

    @GetMapping("/api/catalog")
    CatalogStatus status() {
        CatalogGeneration g = catalog.current().orElseThrow(() -> new NoCatalogException(
                catalog.problem().orElse("no catalog at " + catalog.file())));
        return new CatalogStatus(g.file().toString(), g.publishedAt(), LiveCatalog.ageSeconds(g), g.deltaVersions(), g.rowCounts());
    }

    @PostMapping("/api/admin/catalog/reload")
    Map<String, Object> reload() {
        boolean switched = catalog.refresh();
        return Map.of("switched", switched,
                "publishedAt", catalog.current().map(g -> g.publishedAt().toString()).orElse(""),
                "problem", catalog.problem().orElse(""));
    }
}
