/**
 * An embedded Jetty host for the MCP servlet ({@code McpHttpServer}). No Jetty type appears in its API, so Jetty
 * is not a transitive requirement.
 */
module dev.jmcp.transport.http.jetty {
    requires transitive dev.jmcp.transport.http.servlet;
    requires org.eclipse.jetty.ee10.servlet;

    exports dev.jmcp.transport.http.jetty;
}
