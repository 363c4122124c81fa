package org.learninghub.connect.lti.registration.dynamic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.learninghub.connect.lti.page.FrameAncestors;
import org.learninghub.connect.lti.registration.ToolEndpoints;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * {@code GET /lti/register/{link}} (also {@code /lti/register?link=…}): the tool's Dynamic Registration
 * 1.0 initiation URL. The LMS opens it with {@code openid_configuration} and, usually,
 * {@code registration_token}. In this order:
 * <ol>
 *   <li>the request is checked (a configuration URL under the https rule, bounded parameters);</li>
 *   <li>the link is claimed: unknown, used or expired links end here, before the tool calls anyone, so
 *       only holders of a link an administrator issued can make the tool fetch a URL;</li>
 *   <li>the configuration is fetched and validated ({@link PlatformConfiguration});</li>
 *   <li>the tool's registration is posted to the platform's registration endpoint, with the token as Bearer;</li>
 *   <li>the answer's client_id and deployment id are stored for the link's tenant;</li>
 *   <li>the answer is a page that tells the LMS to close the registration window.</li>
 * </ol>
 * A failure after the claim gives the link back (nothing was stored), so the administrator can retry.
 */
@Path("lti/register")
public class DynamicRegistrationResource {

    static final int MAX_PARAMETER = 4096;
    private static final Logger LOG = Logger.getLogger(DynamicRegistrationResource.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build())
            .build());

    @Inject
    DynamicRegistrationStore store;

    @Inject
    ToolEndpoints endpoints;

    @Inject
    LtiSettings ltiSettings;

    @Inject
    RegistrationSettings settings;

    @Inject
    FrameAncestors frameAncestors;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response registerByQuery(@QueryParam("link") String link,
                                    @QueryParam("openid_configuration") String configuration,
                                    @QueryParam("registration_token") String token) {
        return register(link, configuration, token);
    }

    @GET
    @Path("{link}")
    @Produces(MediaType.TEXT_HTML)
    public Response registerByPath(@PathParam("link") String link,
                                   @QueryParam("openid_configuration") String configuration,
                                   @QueryParam("registration_token") String token) {
        return register(link, configuration, token);
    }

    private Response register(String linkToken, String configuration, String token) {
        if (linkToken == null || linkToken.isBlank() || linkToken.length() > MAX_PARAMETER) {
            throw RegistrationFailure.request("This registration URL has no registration link in it. Ask the Hub's"
                    + " administrator for a registration link and paste it into the LMS unchanged.");
        }
        if (configuration == null || configuration.isBlank()) {
            throw RegistrationFailure.request("No openid_configuration: open this URL from the LMS's tool"
                    + " registration screen (LTI Advantage dynamic registration), not directly.");
        }
        if (token != null && token.length() > MAX_PARAMETER) {
            throw RegistrationFailure.request("registration_token is longer than " + MAX_PARAMETER + " characters");
        }
        URI configurationUrl;
        try {
            configurationUrl = OutboundUrl.check("openid_configuration", configuration);
        } catch (RegistrationFailure e) {
            throw RegistrationFailure.request(e.getMessage());
        }
        // The LMS shows this page in its own frame or window: let its site frame the answer, errors included.
        frameAncestors.allowOrigins(List.of(OutboundUrl.origin(configurationUrl)));
        RegistrationLink link = store.claim(linkToken);
        try {
            return complete(link, configurationUrl, Optional.ofNullable(token).filter(t -> !t.isBlank()));
        } catch (RuntimeException e) {
            store.release(link);
            throw e;
        }
    }

    private Response complete(RegistrationLink link, URI configurationUrl, Optional<String> token) {
        RegistrationHttp http = new RegistrationHttp(settings.httpTimeoutMillis(), RegistrationSettings.MAX_ANSWER_BYTES);
        RegistrationHttp.Answer read = call(() -> http.get(configurationUrl), "its OpenID configuration");
        if (!read.ok()) {
            throw RegistrationFailure.platform("the OpenID configuration URL answered HTTP " + read.status());
        }
        PlatformConfiguration platform = PlatformConfiguration.validate(configurationUrl, parse(read.body(), "OpenID configuration"));
        List<String> frame = new ArrayList<>(new LinkedHashSet<>(List.of(OutboundUrl.origin(configurationUrl),
                OutboundUrl.origin(platform.authorizationEndpoint()))));
        frameAncestors.allowOrigins(frame);
        String body;
        try {
            body = JSON.writeValueAsString(ToolRegistration.body(endpoints.urls(), ltiSettings.publicUrl(), platform));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the tool registration", e);
        }
        RegistrationHttp.Answer posted = call(() -> http.postJson(platform.registrationEndpoint(), body, token),
                "its registration endpoint");
        if (!posted.ok()) {
            throw RegistrationFailure.platform("the registration endpoint answered HTTP " + posted.status()
                    + " (a registration token is good for one registration and expires: start again from the LMS)");
        }
        RegistrationAnswer answer = RegistrationAnswer.of(parse(posted.body(), "registration answer"));
        long id = store.register(link, new RegisteredPlatform(platform.issuerText(), answer.clientId(),
                answer.deploymentId(), platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(),
                platform.productFamilyCode()));
        LOG.info(() -> "Dynamic registration " + id + " stored for tenant " + link.tenantId() + ": issuer "
                + platform.issuerText() + ", client_id " + answer.clientId() + ", deployment " + answer.deploymentId()
                + " (" + platform.productFamilyCode() + ")");
        return Response.ok(ClosePage.html(platform.issuerText(), answer.clientId(), answer.deploymentId()),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", ClosePage.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .build();
    }

    private interface Call {
        RegistrationHttp.Answer run() throws IOException;
    }

    private static RegistrationHttp.Answer call(Call call, String what) {
        try {
            return call.run();
        } catch (IOException e) {
            LOG.warning(() -> "Dynamic registration: the platform's " + what + " could not be read: " + e.getMessage());
            throw RegistrationFailure.platform("the platform's " + what + " could not be reached or read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RegistrationFailure.platform("the " + what + " is not JSON");
        }
    }
}
