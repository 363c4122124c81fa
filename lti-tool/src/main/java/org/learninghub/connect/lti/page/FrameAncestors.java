package org.learninghub.connect.lti.page;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.learninghub.connect.lti.registration.PlatformRegistration;

/**
 * Who may show the page this request answers with in a frame. The code that learns which registration a
 * request belongs to (the login's issuer, the launch's state, the picker's session) names it here, and
 * {@link FramingHeaders} turns it into the CSP {@code frame-ancestors} directive: that registration's LMS
 * origins, or no one for a page that belongs to no registration.
 */
@RequestScoped
public class FrameAncestors {

    private List<String> origins = List.of();

    /** This request's page belongs to this registration: its LMS may frame it. */
    public void allow(PlatformRegistration registration) {
        origins = registration.frameAncestors();
    }

    /** This request's page belongs to a platform not registered yet (dynamic registration): these origins may frame it. */
    public void allowOrigins(List<String> lmsOrigins) {
        origins = List.copyOf(lmsOrigins);
    }

    /** The CSP source list: the registration's origins, or {@code 'none'}. */
    public String sources() {
        return origins.isEmpty() ? "'none'" : String.join(" ", origins);
    }
}
