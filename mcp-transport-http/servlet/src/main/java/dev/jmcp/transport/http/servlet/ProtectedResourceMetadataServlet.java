package dev.jmcp.transport.http.servlet;

import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serves the OAuth 2.0 protected resource metadata (RFC 9728) of a {@link ResourceServerAuth}. {@code
 * McpHttpServer} mounts it by itself; in another servlet container, mount it at the root context on every path of
 * {@link ResourceServerAuth#wellKnownPaths()} (the path-based {@code /.well-known/oauth-protected-resource/<mcp
 * path>}) and, for a host with a single MCP endpoint, on {@code /.well-known/oauth-protected-resource}:
 *
 * <pre>{@code
 * ServletRegistration.Dynamic prm = ctx.addServlet("prm", new ProtectedResourceMetadataServlet(auth));
 * prm.addMapping(auth.wellKnownPaths().toArray(String[]::new));
 * prm.addMapping(ProtectedResourceMetadataServlet.ROOT_PATH);
 * }</pre>
 *
 * <p>The document is public: GET and HEAD only, no authentication, {@code Access-Control-Allow-Origin: *}.
 */
public final class ProtectedResourceMetadataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The root well-known path of protected resource metadata. */
    public static final String ROOT_PATH = "/.well-known/oauth-protected-resource";

    /** The metadata document as served: UTF-8 JSON. */
    private final byte[] document;

    /**
     * A servlet serving {@code auth}'s metadata.
     *
     * @param auth the resource-server configuration whose metadata it serves
     */
    public ProtectedResourceMetadataServlet(ResourceServerAuth auth) {
        this.document = Objects.requireNonNull(auth, "auth").metadataJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        headers(resp);
        resp.getOutputStream().write(document);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) {
        headers(resp);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.setStatus(204);
    }

    private void headers(HttpServletResponse resp) {
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(document.length);
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Cache-Control", "max-age=300");
    }
}
