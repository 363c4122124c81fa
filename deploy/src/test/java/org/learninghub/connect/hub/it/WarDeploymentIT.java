package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged war deployed by Arquillian into a fresh Payara Micro (the container's deployment path, as an
 * operator deploying {@code ROOT.war} uses it), with the same settings as the shared server of the other tests
 * ({@code arquillian.xml} reads them from failsafe): it becomes ready, and the schema it needs is there.
 *
 * <p>The other HTTP tests share one server ({@link HubIT}) because the Arquillian adapter boots one server per
 * deployment. This class's server runs beside the shared one, on a free loopback port picked before Arquillian
 * reads its configuration ({@code hub.it.war.port}).
 */
@ExtendWith(WarDeploymentIT.FreePort.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WarDeploymentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void theDeployedWarIsReadyOnPostgreSql() {
        HttpResponse<String> ready = new HubClient(base).get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("PostgreSQL"), ready.body());
        assertEquals(200, new HubClient(base).send(new HubClient(base).admin("/admin/api/trusts").GET()).statusCode(),
                "the bootstrap administrator signs in on the freshly deployed war");
    }

    /** Every hub migration in the war is applied, successfully, once the deployment is ready. */
    @Test
    void theWarsNewestHubMigrationIsApplied() throws SQLException {
        String newest = newestHubMigrationInTheWar();
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) filter (where version = '" + newest + "' and success),"
                             + " count(*) filter (where not success) from schema_history_hub")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "hub migration " + newest + " applied");
            assertEquals(0, rs.getInt(2), "no failed hub migration");
        }
    }

    private static String newestHubMigrationInTheWar() {
        String prefix = "WEB-INF/classes/db/migration/hub/V";
        try (ZipFile war = new ZipFile(System.getProperty("hub.war", "target/ROOT.war"))) {
            return war.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith(prefix) && n.contains("__"))
                    .map(n -> n.substring(prefix.length(), n.indexOf("__")))
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow(() -> new AssertionError("no hub migration in the war"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Picks the fresh server's port; registered before Arquillian's extension, so it runs first. */
    static final class FreePort implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            if (System.getProperty("hub.it.war.port") == null) {
                System.setProperty("hub.it.war.port", Integer.toString(HubProcess.freePort()));
            }
        }
    }
}
