/**
 * The MCP client: {@code McpClient} and its builder.
 *
 * <p>Exports {@code dev.jmcp.client} only; {@code dev.jmcp.client.internal} is not exported.
 */
module dev.jmcp.client {
    requires transitive dev.jmcp.core;
    requires com.networknt.schema;
    requires org.slf4j;

    exports dev.jmcp.client;
}
