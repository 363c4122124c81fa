package org.learninghub.connect.hub.reporting;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;

/** The query parameters the reports and the statement browser share, each refused naming it. */
final class ReportParameters {

    private static final Pattern TRUST_CODE = Pattern.compile("[A-Z0-9]{2,12}");

    private ReportParameters() {
    }

    /**
     * The trust asked for; a trust-admin's answers are always of its own trust, named or not, and another trust is
     * answered as one that does not exist.
     */
    static Optional<Trust> trust(String asked, boolean required, CallerTrusts callerTrusts, Trusts trusts) {
        String code = asked == null || asked.isEmpty() ? callerTrusts.onlyTrust().orElse(asked) : asked;
        if (code == null || code.isEmpty()) {
            if (required) {
                throw HubProblem.badRequest("trust", "the trust code is required");
            }
            return Optional.empty();
        }
        // Bounded by length before the pattern runs.
        if (code.length() > 12 || !TRUST_CODE.matcher(code).matches()) {
            throw HubProblem.badRequest("trust", "a trust code: 2 to 12 upper-case letters or digits");
        }
        callerTrusts.requireAccess(code);
        return Optional.of(trusts.find(code).orElseThrow(
                () -> new HubProblem(Response.Status.NOT_FOUND, "trust", "trust " + code + " not found")));
    }

    /** A UUID in its canonical 36-character form; empty when the parameter is absent. */
    static Optional<UUID> uuid(String field, String value, String rule) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw HubProblem.badRequest(field, rule);
        }
    }
}
