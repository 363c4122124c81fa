package org.learninghub.connect.lti.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * {@code /lti/login}: the OIDC login initiation URL (Security Framework §5.1.1). Platforms send it as a GET
 * or as an auto-submitted POST; both answer the same: a 302 to the platform's auth endpoint with the state
 * cookie set, or, when the registration declares platform storage and the platform named its storage
 * frame, a page that stores the state there first.
 */
@Path("lti/login")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class LoginResource {

    @Inject
    LoginInitiation initiation;

    @Inject
    LtiSettings settings;

    @GET
    public Response get(@QueryParam("iss") String iss, @QueryParam("login_hint") String loginHint,
                        @QueryParam("target_link_uri") String targetLinkUri,
                        @QueryParam("lti_message_hint") String ltiMessageHint,
                        @QueryParam("lti_deployment_id") String deploymentId,
                        @QueryParam("client_id") String clientId,
                        @QueryParam("lti_storage_target") String storageTarget) {
        return start(LoginRequest.of(iss, loginHint, targetLinkUri, ltiMessageHint, deploymentId, clientId,
                storageTarget));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@FormParam("iss") String iss, @FormParam("login_hint") String loginHint,
                         @FormParam("target_link_uri") String targetLinkUri,
                         @FormParam("lti_message_hint") String ltiMessageHint,
                         @FormParam("lti_deployment_id") String deploymentId,
                         @FormParam("client_id") String clientId,
                         @FormParam("lti_storage_target") String storageTarget) {
        return start(LoginRequest.of(iss, loginHint, targetLinkUri, ltiMessageHint, deploymentId, clientId,
                storageTarget));
    }

    private Response start(LoginRequest login) {
        LoginInitiation.Started started = initiation.start(login);
        String cookie = StateCookie.set(started.state().state(), settings.loginTtl());
        Response.ResponseBuilder response = started.state().storageTarget()
                .map(target -> Response.ok(StoragePages.putState(target, started.request().authLoginUrl(),
                        started.state().state(), started.request().toUri()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .orElseGet(() -> Response.status(Response.Status.FOUND).location(started.request().toUri()));
        return response.header("Set-Cookie", cookie).header("Cache-Control", "no-store").build();
    }
}
