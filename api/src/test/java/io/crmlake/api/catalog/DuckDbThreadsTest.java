package io.crmlake.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.api.support.ServiceTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** crmlake.duckdb-threads reaches the DuckDB instance of every catalog generation the service opens. */
class DuckDbThreadsTest {

    @Test
    void threadsSettingIsAppliedToTheOpenedCatalog() throws Exception {
        String serving = ServiceTest.demoServing().toString();
        assertThat(threadsOf(new ServingProperties(null, null, serving, null, 1))).isEqualTo(1);
        assertThat(threadsOf(new ServingProperties(null, null, serving, null, 3))).isEqualTo(3);
        // 0 leaves DuckDB's default: one thread per core.
        assertThat(threadsOf(new ServingProperties(null, null, serving, null, 0)))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void negativeThreadsAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new ServingProperties(null, null, "x", null, -1))
                .hasMessageContaining("crmlake.duckdb-threads");
    }

    private static long threadsOf(ServingProperties properties) throws Exception {
        LiveCatalog catalog = new LiveCatalog(properties, new SimpleMeterRegistry());
        try (Connection c = catalog.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            return rs.getLong(1);
        } finally {
            catalog.destroy();
        }
    }
}
