package org.learninghub.connect.hub.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian integration test shares: the built Hub war deployed into a real Payara Micro
 * (one per test class), and the URL it answers on. Tests run as HTTP clients.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class HubIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;
}
