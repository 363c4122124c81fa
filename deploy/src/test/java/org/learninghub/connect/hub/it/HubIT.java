package org.learninghub.connect.hub.it;

import java.net.URL;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every HTTP integration test shares: the built Hub war ({@code target/ROOT.war}) in a real Payara Micro on
 * PostgreSQL, and the URL it answers on ({@link #base}). Tests run as HTTP clients.
 *
 * <p>All classes share ONE server per test JVM ({@link SharedHubServer}), started once with the settings failsafe
 * passes ({@code hub.it.server.options}, {@code hub.it.micro.options} in {@code deploy/pom.xml}) on
 * {@code hub.it.port}, its output in {@code target/shared-hub.log}. They used to get one Arquillian deployment each,
 * and the Payara Micro Arquillian adapter boots a new server for every deployment (15 to 20 s each, most of the
 * suite's time). The war-deployment path Arquillian covers stays tested by {@link WarDeploymentIT}.
 *
 * <p>Sharing means a test must not depend on a fresh server's in-memory state: it makes its own trust, account,
 * credential and names ({@link HubClient#uniqueCode}), compares counts before and after rather than with absolute
 * numbers, and leaves the server as usable as it found it (for instance, wrong passwords only for user names of
 * its own and only as many as it needs: the sign-in throttle also counts failures per client address, and every
 * test comes from 127.0.0.1). A class that must change server-wide state irreversibly gets a fresh server of its
 * own with {@link OwnHubServer}, saying why in its javadoc. Tests that kill or restart the server start
 * {@code bin/hub} themselves ({@link HubProcess}). See {@code src/docs/testing.md}.
 */
@ExtendWith(SharedHubServer.class)
abstract class HubIT {

    /** The server's root, {@code http://127.0.0.1:<port>/}; also its configured public URL. */
    URL base;
}
