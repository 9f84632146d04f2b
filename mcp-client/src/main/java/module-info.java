/**
 * The MCP client: {@code McpClient} and its builder.
 *
 * <p>Exports {@code dev.jmcp.client} only; {@code dev.jmcp.client.internal} is not exported.
 */
module dev.jmcp.client {
    requires transitive dev.jmcp.core;
    requires static com.networknt.schema; // optional: validates structured tool results when present
    requires org.slf4j;
    requires tools.jackson.dataformat.yaml; // SKILL.md frontmatter (Skills, #21)

    exports dev.jmcp.client;
}
