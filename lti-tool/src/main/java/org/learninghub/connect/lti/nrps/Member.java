package org.learninghub.connect.lti.nrps;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One member of a context (NRPS 2.0 §2.2, LTI Core names for the personal fields). Personal fields are
 * null when the platform withholds them (it may, per its privacy settings).
 *
 * @param userId the member's LTI {@code sub}, required
 * @param roles  LIS role URIs (§2.3), required, possibly empty
 * @param status {@code Active} when absent (§2.2); {@code Inactive}, or {@code Deleted} in a differences answer
 */
public record Member(@JsonProperty("user_id") String userId,
                     List<String> roles,
                     Status status,
                     String name,
                     @JsonProperty("given_name") String givenName,
                     @JsonProperty("family_name") String familyName,
                     String email,
                     @JsonProperty("lis_person_sourcedid") String lisPersonSourcedId,
                     String picture) {

    /** §2.2 member status. */
    public enum Status { Active, Inactive, Deleted }

    public Member {
        if (userId == null || userId.isBlank() || userId.length() > 255) {
            throw new IllegalArgumentException("user_id is required (1-255 characters)");
        }
        if (roles == null || roles.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("roles is required, an array of strings");
        }
        roles = List.copyOf(roles);
        status = Objects.requireNonNullElse(status, Status.Active);
    }

    public boolean active() {
        return status == Status.Active;
    }

    /** Whether one of the member's roles is {@code role} (a full LIS URI, or its short context-role name). */
    public boolean hasRole(String role) {
        return roles.stream().anyMatch(r -> r.equals(role)
                || r.equals("http://purl.imsglobal.org/vocab/lis/v2/membership#" + role));
    }
}
