package org.learninghub.connect.lti.registration.dynamic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.learninghub.connect.lti.page.HtmlPage;

/**
 * The page that ends a successful registration (Dynamic Registration 1.0 §3.6.3): it tells the LMS page
 * that opened it ({@code window.opener}, or the parent of the frame it is shown in) that the tool is done,
 * by posting {@code {subject:'org.imsglobal.lti.close'}}. The target origin is {@code '*'}: the message
 * carries nothing but the subject, and the LMS page's origin is not always the issuer's (Canvas serves its
 * pages from each school's own host), so naming one origin would silently lose the message there.
 *
 * <p>The script is a fixed text: its SHA-256 goes into the page's Content-Security-Policy, which allows
 * that script and nothing else (no other script, style, image, form target or base URL).
 */
final class ClosePage {

    static final String SCRIPT = "(window.opener || window.parent).postMessage({subject:'org.imsglobal.lti.close'}, '*');";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'sha256-" + sha256(SCRIPT)
            + "'; base-uri 'none'; form-action 'none'";

    private ClosePage() {
    }

    static String html(String issuer, String clientId, String deploymentId) {
        return HtmlPage.page("Learning Hub Connect registered",
                "<h1>Learning Hub Connect is registered</h1>"
                        + "<p>Platform <code id=\"issuer\">" + HtmlPage.escape(issuer) + "</code>, client ID <code id=\"client_id\">"
                        + HtmlPage.escape(clientId) + "</code>, deployment <code id=\"deployment_id\">"
                        + HtmlPage.escape(deploymentId) + "</code>.</p>"
                        + "<p>You can close this window; your platform should close it for you.</p>"
                        + "<script>" + SCRIPT + "</script>");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
