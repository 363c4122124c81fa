package org.learninghub.connect.lti.registration;

import java.net.URI;

/**
 * The tool's own URLs that an LMS administrator pastes into the platform (LTI Core 1.3 §3.1.3,
 * Security Framework §5.1.1): where logins start, the one redirect URI launches come back to, the tool's
 * public keys, and the target of deep linking requests.
 */
public record ToolUrls(URI loginUrl, URI redirectUrl, URI targetLinkUrl, URI jwksUrl, URI deepLinkingUrl) {

    public static final String LOGIN_PATH = "/lti/login";
    public static final String LAUNCH_PATH = "/lti/launch";
    public static final String JWKS_PATH = "/lti/jwks";
    public static final String DEEP_LINK_PATH = "/lti/deep-link";

    /** The URLs under a public base URL such as {@code https://hub.example.nhs.uk}. */
    public static ToolUrls under(URI publicUrl) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return new ToolUrls(URI.create(base + LOGIN_PATH), URI.create(base + LAUNCH_PATH),
                URI.create(base + LAUNCH_PATH), URI.create(base + JWKS_PATH), URI.create(base + DEEP_LINK_PATH));
    }

    /** True when {@code uri} is on this tool's public origin and path, so redirecting there is no open redirect. */
    public boolean isOwn(URI uri, URI publicUrl) {
        if (uri == null || uri.getScheme() == null || uri.getRawAuthority() == null) {
            return false;
        }
        URI base = URI.create(publicUrl.toString().replaceAll("/+$", "") + "/");
        String path = uri.normalize().getRawPath();
        return uri.getScheme().equalsIgnoreCase(base.getScheme())
                && uri.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())
                && path != null && (path + "/").startsWith(base.getRawPath())
                && uri.getRawUserInfo() == null;
    }
}
