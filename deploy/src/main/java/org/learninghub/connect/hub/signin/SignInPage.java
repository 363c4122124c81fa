package org.learninghub.connect.hub.signin;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in page ({@code GET /signin/password}): the password form and, when an identity provider is set up,
 * a link to sign in through it. Nothing of a request is shown but the (checked) return path, escaped; the
 * message is one of a fixed few, chosen by a code, so the page can never be made to say anything else.
 */
final class SignInPage {

    /** What a refused sign-in says: never which of user name or password was wrong, nor that an account is disabled. */
    static final Map<String, String> MESSAGES = Map.of(
            "failed", "Sign-in failed: the user name or password is not right, or the account cannot sign in.",
            "throttled", "Too many failed sign-ins for this user or from this address. Wait a few minutes and try again.",
            "busy", "The Hub is busy checking other sign-ins. Try again in a moment.",
            "ended", "Your session has ended. Sign in again.");

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    private SignInPage() {
    }

    static Response response(String returnPath, Optional<String> messageCode, boolean providerEnabled) {
        return Response.ok(html(returnPath, messageCode.map(MESSAGES::get), providerEnabled))
                .type("text/html;charset=UTF-8")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }

    static String html(String returnPath, Optional<String> message, boolean providerEnabled) {
        String alert = message.map(m -> "<p class=\"alert\" role=\"alert\">" + escape(m) + "</p>\n").orElse("");
        String provider = providerEnabled
                ? "<p><a class=\"button\" href=\"/signin?return=" + escape(URLEncoder.encode(returnPath,
                        StandardCharsets.UTF_8)) + "\">Sign in with your organisation</a></p>\n"
                        + "<p class=\"or\">or with a Hub account:</p>\n"
                : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in – Learning Hub Connect</title>
                <link rel="stylesheet" href="/admin/assets/dashboard.css">
                </head>
                <body class="signin">
                <main id="main">
                <h1>Learning Hub Connect</h1>
                <h2>Administrator sign-in</h2>
                %s%s<form method="post" action="/signin/password" class="stack">
                <input type="hidden" name="return" value="%s">
                <label for="username">User name</label>
                <input id="username" name="username" type="text" autocomplete="username" required maxlength="100" autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
                <button type="submit" id="signin">Sign in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(alert, provider, escape(returnPath));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
