package org.learninghub.connect.hub.access;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the access log line of every request that reaches the application, when its answer is complete: after
 * the chain, or when an asynchronous request completes. The response is wrapped only to count the bytes written;
 * streamed answers pass through unbuffered. An error dispatch the container makes on its own (a role the caller
 * lacks) is logged there, as no request dispatch saw it. Requests the authentication mechanism refuses never reach
 * a filter; the mechanism writes their line ({@link AccessLog#write}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class AccessLogFilter extends HttpFilter {

    @Override
    public void init() throws ServletException {
        try {
            AccessLog.enabled();
        } catch (IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!AccessLog.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            errorDispatch(request, response, chain);
            return;
        }
        response.setHeader(AccessLog.REQUEST_ID_HEADER, AccessLog.begin(request));
        request.setAttribute(AccessLog.IN_FILTER, Boolean.TRUE);
        CountingResponse counted = new CountingResponse(response);
        boolean failed = true;
        try {
            chain.doFilter(request, counted);
            failed = false;
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(request, counted));
            } else {
                // An exception leaving the chain becomes the container's 500.
                AccessLog.write(request, failed ? 500 : counted.getStatus(), counted.bytes());
            }
        }
    }

    private static void errorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(AccessLog.WRITTEN) != null || request.getAttribute(AccessLog.IN_FILTER) != null) {
            // Written already (a refusal of the mechanism), or the request dispatch writes it when it returns.
            chain.doFilter(request, response);
            return;
        }
        AccessLog.begin(request);
        CountingResponse counted = new CountingResponse(response);
        try {
            chain.doFilter(request, counted);
        } finally {
            Object code = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE);
            AccessLog.write(request, code instanceof Integer status ? status : counted.getStatus(), counted.bytes());
        }
    }

    /** Writes the line of an asynchronous request when it ends, however it ends. */
    private record Completion(HttpServletRequest request, CountingResponse response) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            AccessLog.write(request, response.getStatus(), response.bytes());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
