package org.learninghub.connect.hub.registration;

import java.time.Instant;

/**
 * A new registration link as the admin API answers it: the URL to paste into the LMS (its token is shown
 * only here, once) and when it stops working.
 */
public record RegistrationLinkView(String url, Instant expires) {
}
