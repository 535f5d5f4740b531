package io.crmlake.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.BuiltLake;
import io.crmlake.etl.support.PublishedLake;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.ServingCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pipeline's last two steps as a user runs them: `crmlake marts` with the shipped rules on the
 * shared generated lake, then publish. Every mart is filled, and the published catalog is left at
 * etl/target/shared-lakes/published for the notebooks, which the notebooks module executes next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MartsAndPublishOnBuiltLakeTest {

    static Path PUBLISHED;

    @BeforeAll
    void runMartsThenPublish() {
        PUBLISHED = PublishedLake.folder();
    }

    @Test
    void everyMartOfTheCatalogIsFilledFromTheDefaultRules() throws SQLException {
        try (ServingCatalog catalog = ServingCatalog.open(PUBLISHED); Connection c = catalog.connect();
             Statement s = c.createStatement()) {
            for (Table mart : Catalog.get().tables(Layer.MART)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + mart.name())) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(mart.name() + " rows").isPositive();
                }
            }
        }
    }

    @Test
    void theCustomerValueMartHasNoSilentNaNAndOneRowPerCustomer() throws SQLException {
        try (ServingCatalog catalog = ServingCatalog.open(PUBLISHED); Connection c = catalog.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*) AS rows, count(DISTINCT customer_id) AS customers,
                            count(*) FILTER (WHERE isnan(clv) OR isinf(clv) OR isnan(p_alive)) AS not_finite,
                            (SELECT count(DISTINCT customer_id) FROM dim_customer) AS known
                     FROM mart_customer_value""")) {
            rs.next();
            assertThat(rs.getLong("not_finite")).isZero();
            assertThat(rs.getLong("rows")).isEqualTo(rs.getLong("customers"));
            assertThat(rs.getLong("customers")).isEqualTo(rs.getLong("known")).isEqualTo(BuiltLake.CUSTOMERS);
        }
    }
}
