package org.learninghub.connect.hub.runtime;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: schema migrated and the database answers now. While the database is unreachable this
 * answers {@code DOWN} at once (the pool fails fast, within the connect timeout); once it answers again,
 * the pool's validation replaces the dead connections and this answers {@code UP} by itself.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB
    private DatabaseMigrator migrator;

    @Inject
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migrator.isComplete()) {
            return response.down().withData("reason", "schema migration not finished").build();
        }
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            if (valid) {
                DatabaseOutage.INSTANCE.reachable();
            }
            return response.status(valid).withData("product", c.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
