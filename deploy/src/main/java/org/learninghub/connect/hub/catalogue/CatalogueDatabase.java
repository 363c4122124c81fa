package org.learninghub.connect.hub.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The catalogue's connection to the Hub's database, and which database it is (search differs). */
@ApplicationScoped
public class CatalogueDatabase {

    @Inject
    DataSource dataSource;

    private volatile Boolean postgres;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = connection()) {
                known = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the database", e);
            }
            postgres = known;
        }
        return known;
    }

    /** Trust ids by code, for owner references. */
    public static Map<String, Long> trustIds(Connection c) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select code, id from trust");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }
}
