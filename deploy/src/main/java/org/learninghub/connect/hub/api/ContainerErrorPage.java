package org.learninghub.connect.hub.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the container answers when it refuses a request itself (an unreadable header, a failure before
 * the application runs): the Hub's JSON error with the status, never the server's HTML page with an
 * exception name in it. web.xml names this servlet as the default error page.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    static final String PATH = "/_container-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "error" : type.getReasonPhrase();
        String rule = status >= 500 ? "internal error; the server log holds the details"
                : "the request was refused before it reached the Hub: " + reason;
        byte[] json = HubObjectMapper.MAPPER.writeValueAsBytes(new ErrorBody(rule, null));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
