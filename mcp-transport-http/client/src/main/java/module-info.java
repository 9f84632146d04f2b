/**
 * The Streamable HTTP client transport (on {@code java.net.http}) and the OAuth client.
 *
 * <p>Exports {@code dev.jmcp.transport.http.client} and {@code dev.jmcp.transport.http.client.auth}; their
 * {@code internal} packages are not exported.
 */
module dev.jmcp.transport.http.client {
    requires transitive dev.jmcp.transport.http.common;
    requires transitive java.net.http;
    requires jdk.httpserver;
    requires org.slf4j;

    exports dev.jmcp.transport.http.client;
    exports dev.jmcp.transport.http.client.auth;

    opens dev.jmcp.transport.http.client.auth to
            tools.jackson.databind;
}
