package org.learninghub.connect.xapi.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * 1.0.3 Communication §6.2 / 2.0.0: every request carries {@code X-Experience-API-Version}; a missing
 * or unsupported version is a 400, and every response names the version served. The version is kept as
 * the request property {@link #PROPERTY} for the rules that differ between 1.0.3 and 2.0.0.
 */
@Provider
@PreMatching
@Priority(XapiPaths.VERSION_PRIORITY)
public class XapiVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String PROPERTY = XapiVersion.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        if (!XapiPaths.isXapi(request.getUriInfo()) || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        String header = request.getHeaderString(XapiVersion.HEADER);
        if (header == null && XapiPaths.isAbout(request.getUriInfo())) {
            return;
        }
        if (header == null) {
            request.abortWith(XapiExceptionMapper.response(XapiException.invalid(XapiVersion.HEADER,
                    "header is required (1.0.3 or 2.0.0)")));
            return;
        }
        XapiVersion.parse(header).ifPresentOrElse(
                v -> request.setProperty(PROPERTY, v),
                () -> request.abortWith(XapiExceptionMapper.response(XapiException.invalid(XapiVersion.HEADER,
                        "version " + header + " is not supported; this LRS serves 1.0.3 and 2.0.0"))));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!XapiPaths.isXapi(request.getUriInfo())) {
            return;
        }
        response.getHeaders().putSingle(XapiVersion.HEADER, versionOf(request).header());
    }

    /**
     * The version a request asked for; when it named none (About, or a request refused for the missing
     * header), the configured {@link #DEFAULT_VERSION_KEY}: the 1.0.3 and 2.0.0 texts each expect their own
     * version in that answer, so an operator whose content is 1.0.3 can say so.
     */
    public static XapiVersion versionOf(ContainerRequestContext request) {
        Object v = request.getProperty(PROPERTY);
        return v instanceof XapiVersion version ? version : DefaultVersion.VALUE;
    }

    /** The version named in answers to requests that name none (or none this LRS serves). */
    public static XapiVersion defaultVersion() {
        return DefaultVersion.VALUE;
    }

    /** Setting: the version named in answers to requests that name none; 2.0.0 unless set to 1.0.3. */
    public static final String DEFAULT_VERSION_KEY = "xapi.version.default";

    /** Read once: a configuration value, not per request. */
    private static final class DefaultVersion {
        static final XapiVersion VALUE = ConfigProvider.getConfig(XapiVersionFilter.class.getClassLoader())
                .getOptionalValue(DEFAULT_VERSION_KEY, String.class)
                .flatMap(XapiVersion::parse)
                .orElse(XapiVersion.V2_0_0);
    }
}
