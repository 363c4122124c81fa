package org.learninghub.connect.hub.bridge;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.learninghub.connect.hub.credential.LaunchCredentials;
import org.learninghub.connect.xapi.agent.Agent;

/**
 * The launch parameters authoring tools read (the "Tin Can launch" convention that Storyline, Captivate, Rise,
 * Evolve and Adapt follow): {@code endpoint}, {@code auth}, {@code actor}, {@code registration},
 * {@code activity_id}, added to the content's URL.
 */
final class LaunchParameters {

    private LaunchParameters() {
    }

    static URI contentUrl(String launchUrl, String endpoint, LaunchCredentials.Issued credential, Agent actor,
                          UUID registration, String activityIri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("endpoint", endpoint);
        params.put("auth", "Basic " + Base64.getEncoder().encodeToString(
                (credential.key() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8)));
        params.put("actor", actor.toJson().toString());
        params.put("registration", registration.toString());
        params.put("activity_id", activityIri);
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
        URI url = URI.create(launchUrl);
        String fragment = url.getRawFragment();
        String withoutFragment = fragment == null ? launchUrl : launchUrl.substring(0, launchUrl.length() - fragment.length() - 1);
        return URI.create(withoutFragment + (url.getRawQuery() == null ? "?" : "&") + query
                + (fragment == null ? "" : "#" + fragment));
    }

    /** {@code scheme://host[:port]} of the content, the one origin its browser calls come from. */
    static Optional<String> origin(String launchUrl) {
        try {
            URI url = URI.create(launchUrl);
            if (url.getScheme() == null || url.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(url.getScheme().toLowerCase() + "://" + url.getHost().toLowerCase()
                    + (url.getPort() == -1 ? "" : ":" + url.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
