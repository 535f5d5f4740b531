package io.crmlake.api.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/** One read-only connection and the catalog generation (file) it is connected to. */
public record CatalogSession(CatalogGeneration generation, Connection connection) implements AutoCloseable {

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
