package org.learninghub.connect.hub.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment every integration test uses: the Hub war exactly as {@code mvn package} built it. */
public final class HubDeployment {

    private HubDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("hub.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after the package phase");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
