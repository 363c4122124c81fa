package org.learninghub.connect.lti.nrps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.platformcall.BearerToken;
import org.learninghub.connect.lti.platformcall.LinkHeader;
import org.learninghub.connect.lti.platformcall.Paging;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;
import org.learninghub.connect.lti.platformcall.PlatformHttp;
import org.learninghub.connect.lti.platformcall.PlatformJson;
import org.learninghub.connect.lti.platformcall.PlatformRequest;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;
import org.learninghub.connect.lti.platformcall.ServiceUrls;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.token.PlatformTokens;

/**
 * Reads a context's memberships (NRPS 2.0) from the URL of the launch's namesroleservice claim, every page
 * joined, answers validated into {@link Membership}. Injectable in the server; plain Java otherwise.
 */
public final class MembershipService {

    /** NRPS 2.0 §3.6.1. */
    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    /** NRPS 2.0 §2.2. */
    public static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    private final PlatformHttp http;
    private final PlatformTokens tokens;

    public MembershipService(PlatformHttp http, PlatformTokens tokens) {
        this.http = Objects.requireNonNull(http);
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** The context memberships URL of a launch's NRPS claim. */
    public static URI contextMembershipsUrl(LaunchContext.NamesRoleService claim) {
        try {
            URI url = new URI(Objects.requireNonNull(claim.contextMembershipsUrl(), "context_memberships_url"));
            if (!url.isAbsolute() || url.getHost() == null) {
                throw new ServiceNotGrantedException("the NRPS claim's context_memberships_url is not an absolute URL");
            }
            return url;
        } catch (URISyntaxException | NullPointerException e) {
            throw new ServiceNotGrantedException("the NRPS claim has no usable context_memberships_url");
        }
    }

    /** The members of the context (or of one resource link), every page. */
    public Membership members(PlatformRegistration registration, URI contextMemberships, MembershipQuery query) {
        return read(registration, contextMemberships, ServiceUrls.withQuery(contextMemberships, query.parameters()));
    }

    /**
     * §2.4.3: what changed since the read that returned {@code differences} (members added, changed, or
     * with status Deleted or Inactive). The link must be on the origin of the memberships URL.
     */
    public Membership differences(PlatformRegistration registration, URI contextMemberships, URI differences) {
        if (!LinkHeader.sameOrigin(contextMemberships, differences)) {
            throw new ServiceNotGrantedException("the differences URL is not on the platform of the memberships URL");
        }
        return read(registration, contextMemberships, differences);
    }

    private Membership read(PlatformRegistration registration, URI contextMemberships, URI first) {
        Optional<BearerToken> bearer = Optional.of(tokens.bearer(registration, List.of(SCOPE)));
        List<MembershipContainer> pages = new ArrayList<>();
        AtomicReference<Optional<URI>> differences = new AtomicReference<>(Optional.empty());
        Paging.all(first, http.settings().maxPages(),
                url -> http.send(PlatformRequest.get(url, MEDIA_TYPE), bearer),
                response -> List.of(PlatformJson.read(response.body(), MembershipContainer.class, "membership container")),
                (url, response) -> {
                    // §2.4.3: the differences link comes with the last page; keep the latest seen.
                    LinkHeader.link(response.headers(), url, "differences").ifPresent(d -> differences.set(Optional.of(d)));
                }).forEach(pages::add);
        MembershipContext context = pages.get(0).context();
        List<Member> members = new ArrayList<>();
        for (MembershipContainer page : pages) {
            if (!page.context().id().equals(context.id())) {
                throw new PlatformAnswerInvalidException("the platform's membership pages name different contexts");
            }
            members.addAll(page.members());
        }
        return new Membership(pages.get(0).id(), context, members, differences.get());
    }
}
