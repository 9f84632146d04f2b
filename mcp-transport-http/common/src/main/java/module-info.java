/**
 * What both HTTP roles share: header names, protected-resource metadata and OAuth errors.
 *
 * <p>Exports {@code dev.jmcp.transport.http.common}; {@code dev.jmcp.transport.http.common.internal} only to the
 * HTTP client and servlet modules.
 */
@SuppressWarnings("module") // the qualified exports name sibling modules that are compiled later
module dev.jmcp.transport.http.common {
    requires transitive dev.jmcp.core;
    requires java.net.http;

    exports dev.jmcp.transport.http.common;
    exports dev.jmcp.transport.http.common.internal to
            dev.jmcp.transport.http.client,
            dev.jmcp.transport.http.servlet;

    opens dev.jmcp.transport.http.common to
            tools.jackson.databind;
}
