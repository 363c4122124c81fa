package org.learninghub.connect.lti.launch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated LTI 1.3 launch: who (issuer + sub), from which registration and deployment, in which role
 * and context, for which resource link, and which services the platform offers; {@code lti11UserId} is the
 * learner's LTI 1.1 user_id when the launch's LTI 1.1 migration claim verified (see {@code lti.migration}). Immutable; built only by
 * {@link LaunchClaimsValidator} after every check passed.
 */
public record LaunchContext(
        long registrationId,
        long tenantId,
        String issuer,
        String clientId,
        String deploymentId,
        String messageType,
        Optional<String> subject,
        Optional<String> name,
        Optional<String> email,
        List<String> roles,
        Optional<URI> targetLinkUri,
        Optional<Context> context,
        Optional<ResourceLink> resourceLink,
        Optional<LaunchPresentation> launchPresentation,
        Map<String, String> custom,
        Optional<Lis> lis,
        Optional<AgsEndpoint> ags,
        Optional<NamesRoleService> namesRoleService,
        Optional<DeepLinkingSettings> deepLinking,
        Optional<String> lti11UserId) {

    public LaunchContext {
        lti11UserId = Objects.requireNonNullElse(lti11UserId, Optional.empty());
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(deploymentId);
        Objects.requireNonNull(messageType);
        roles = List.copyOf(roles);
        custom = Map.copyOf(custom);
    }

    /** A launch without a linked LTI 1.1 user. */
    public LaunchContext(long registrationId, long tenantId, String issuer, String clientId, String deploymentId,
                         String messageType, Optional<String> subject, Optional<String> name, Optional<String> email,
                         List<String> roles, Optional<URI> targetLinkUri, Optional<Context> context,
                         Optional<ResourceLink> resourceLink, Optional<LaunchPresentation> launchPresentation,
                         Map<String, String> custom, Optional<Lis> lis, Optional<AgsEndpoint> ags,
                         Optional<NamesRoleService> namesRoleService, Optional<DeepLinkingSettings> deepLinking) {
        this(registrationId, tenantId, issuer, clientId, deploymentId, messageType, subject, name, email, roles,
                targetLinkUri, context, resourceLink, launchPresentation, custom, lis, ags, namesRoleService,
                deepLinking, Optional.empty());
    }

    /**
     * This launch, with the LTI 1.1 user_id its platform proved (LTI 1.1 migration claim) belongs to the
     * same learner: the Hub continues that learner's history.
     */
    public LaunchContext withLti11UserId(String userId) {
        return new LaunchContext(registrationId, tenantId, issuer, clientId, deploymentId, messageType, subject, name,
                email, roles, targetLinkUri, context, resourceLink, launchPresentation, custom, lis, ags,
                namesRoleService, deepLinking, Optional.of(userId));
    }

    /** LTI Core §5.4.1. */
    public record Context(String id, String label, String title, List<String> type) {
    }

    /** LTI Core §5.3.5. */
    public record ResourceLink(String id, String title, String description) {
    }

    /** LTI Core §5.4.4. */
    public record LaunchPresentation(@JsonProperty("document_target") String documentTarget,
                                     Integer height, Integer width,
                                     @JsonProperty("return_url") String returnUrl, String locale) {
    }

    /** LTI Core §5.4.5 and Appendix D (LIS vocabulary). */
    public record Lis(@JsonProperty("person_sourcedid") String personSourcedId,
                      @JsonProperty("course_offering_sourcedid") String courseOfferingSourcedId,
                      @JsonProperty("course_section_sourcedid") String courseSectionSourcedId) {
    }

    /** AGS 2.0 §3.1: the line item service endpoints and the scopes the tool may ask for. */
    public record AgsEndpoint(List<String> scope, String lineitems, String lineitem) {
    }

    /** NRPS 2.0 §3.6.1. */
    public record NamesRoleService(@JsonProperty("context_memberships_url") String contextMembershipsUrl,
                                   @JsonProperty("service_versions") List<String> serviceVersions) {
    }

    /** Deep Linking 2.0 §4.4.1. */
    public record DeepLinkingSettings(@JsonProperty("deep_link_return_url") String deepLinkReturnUrl,
                                      @JsonProperty("accept_types") List<String> acceptTypes,
                                      @JsonProperty("accept_presentation_document_targets")
                                      List<String> acceptPresentationDocumentTargets,
                                      @JsonProperty("accept_media_types") String acceptMediaTypes,
                                      @JsonProperty("accept_multiple") Boolean acceptMultiple,
                                      @JsonProperty("auto_create") Boolean autoCreate,
                                      String title, String text, String data) {

        /** Deep Linking §4.4.1: accept_multiple defaults to true when absent. */
        public boolean multipleAccepted() {
            return acceptMultiple == null || acceptMultiple;
        }
    }
}
