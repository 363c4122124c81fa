package org.learninghub.connect.lti.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.learninghub.connect.lti.ags.AssignmentGradeService;
import org.learninghub.connect.lti.keys.ToolKeyRing;
import org.learninghub.connect.lti.nrps.MembershipService;
import org.learninghub.connect.lti.platformcall.PlatformCallSettings;
import org.learninghub.connect.lti.platformcall.PlatformHttp;
import org.learninghub.connect.lti.token.PlatformTokens;

/**
 * One HTTP client, one token cache and one of each service per application: inject
 * {@link AssignmentGradeService} or {@link MembershipService}. Settings are read once, at first use.
 */
@ApplicationScoped
public class PlatformServiceBeans {

    @Inject
    Config config;

    @Inject
    ToolKeyRing keyRing;

    @Produces
    @Singleton
    PlatformHttp platformHttp() {
        return new PlatformHttp(PlatformCallSettings.from(config));
    }

    @Produces
    @Singleton
    PlatformTokens platformTokens(PlatformHttp http) {
        // The key ring's current signing key: its kid is the one /lti/jwks publishes.
        return new PlatformTokens(keyRing::signingKey, http, Clock.systemUTC());
    }

    @Produces
    @Singleton
    AssignmentGradeService assignmentGradeService(PlatformHttp http, PlatformTokens tokens) {
        return new AssignmentGradeService(http, tokens);
    }

    @Produces
    @Singleton
    MembershipService membershipService(PlatformHttp http, PlatformTokens tokens) {
        return new MembershipService(http, tokens);
    }
}
