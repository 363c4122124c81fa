package org.learninghub.connect.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.learninghub.connect.lti.settings.LtiSettings;

/** The tool's URLs under the configured {@code hub.public.url}. */
@ApplicationScoped
public class ToolEndpoints {

    @Inject
    LtiSettings settings;

    public ToolUrls urls() {
        return ToolUrls.under(settings.publicUrl());
    }

    /** True when the URI is one of this tool's own pages (Security Framework §5.1.1.1: no open redirect). */
    public boolean isOwn(URI uri) {
        return urls().isOwn(uri, settings.publicUrl());
    }
}
