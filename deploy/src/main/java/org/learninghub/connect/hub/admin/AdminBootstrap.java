package org.learninghub.connect.hub.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first Hub administrator from {@code hub.admin.user}/{@code hub.admin.password} when
 * there is none yet. There is never a default password: without both settings no one can use the
 * admin API until they are given.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "hub.admin.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "hub.admin.password")
    Optional<String> password;

    @Inject
    AdminUsers adminUsers;

    @PostConstruct
    void createFirstAdministrator() {
        if (adminUsers.any()) {
            return;
        }
        if (user.isEmpty() || password.isEmpty()) {
            LOG.warning("No Hub administrator exists and HUB_ADMIN_USER/HUB_ADMIN_PASSWORD are not set:"
                    + " the admin API refuses every request until they are.");
            return;
        }
        adminUsers.create(user.get(), password.get());
        LOG.info(() -> "Created the first Hub administrator '" + user.get() + "' from configuration");
    }
}
