/**
 * The stdio transport: a client that launches a server process, and a server on the process's stdin/stdout.
 *
 * <p>Exports {@code dev.jmcp.transport.stdio} only; its {@code internal} package is not exported. SLF4J is a
 * transitive requirement because the client builder takes an {@code org.slf4j.event.Level} for the server's stderr.
 */
module dev.jmcp.transport.stdio {
    requires transitive dev.jmcp.core;
    requires transitive org.slf4j;

    exports dev.jmcp.transport.stdio;
}
