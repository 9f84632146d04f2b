package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import jakarta.servlet.http.HttpServletRequest;

/** Where a request's caller is kept: the request attributes the servlet and authentication filters set. */
public final class Callers {
    /** The attribute an authentication filter (or the built-in authorization) stores the caller under. */
    public static final String AUTH_INFO_ATTRIBUTE = AuthInfo.class.getName();
    /** The attribute the built-in bearer authorization stores the validated token under (for scope checks). */
    static final String TOKEN_INFO_ATTRIBUTE = "dev.jmcp.transport.http.servlet.McpHttpServlet.token";

    private Callers() {}

    /** Stores the caller the built-in authorization validated. */
    public static void authenticated(HttpServletRequest request, AuthInfo info) {
        request.setAttribute(TOKEN_INFO_ATTRIBUTE, info);
        request.setAttribute(AUTH_INFO_ATTRIBUTE, info);
    }

    /** The caller the built-in authorization validated, or null. */
    public static AuthInfo token(HttpServletRequest request) {
        return request.getAttribute(TOKEN_INFO_ATTRIBUTE) instanceof AuthInfo info ? info : null;
    }

    /** The request's inbound context: its headers and caller. */
    public static InboundContext context(HttpServletRequest request) {
        return Http.inboundContext(request, AUTH_INFO_ATTRIBUTE);
    }

    /** The principal of the caller in {@code context}, or null. */
    public static String principal(InboundContext context) {
        return context.authInfo().map(AuthInfo::principal).orElse(null);
    }
}
