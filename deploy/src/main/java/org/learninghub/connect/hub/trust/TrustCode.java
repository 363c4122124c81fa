package org.learninghub.connect.hub.trust;

import java.util.regex.Pattern;
import org.learninghub.connect.hub.api.HubProblem;

/** An ODS-style organisation code such as {@code RX1}: 2 to 12 upper-case letters and digits. */
public record TrustCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{2,12}");

    public TrustCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw HubProblem.badRequest("code", "must be 2 to 12 upper-case letters or digits (an ODS-style code)");
        }
    }
}
