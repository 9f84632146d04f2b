/**
 * The Streamable HTTP server transport as a Jakarta servlet, and resource-server authorization.
 *
 * <p>Exports {@code dev.jmcp.transport.http.servlet} and {@code dev.jmcp.transport.http.servlet.auth}; their
 * {@code internal} packages are not exported.
 */
module dev.jmcp.transport.http.servlet {
    requires transitive dev.jmcp.transport.http.common;
    requires transitive jakarta.servlet;
    requires transitive java.net.http;
    requires org.slf4j;

    exports dev.jmcp.transport.http.servlet;
    exports dev.jmcp.transport.http.servlet.auth;
}
