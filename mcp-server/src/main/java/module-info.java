/**
 * The MCP server: {@code McpServer} and its builder, tools, prompts, resources and tasks.
 *
 * <p>Exports {@code dev.jmcp.server} only; {@code dev.jmcp.server.internal} is not exported.
 */
module dev.jmcp.server {
    requires transitive dev.jmcp.core;
    requires com.networknt.schema;
    requires org.slf4j;
    requires tools.jackson.dataformat.yaml; // SKILL.md frontmatter (Skills, #21)
    requires static jakarta.validation;

    exports dev.jmcp.server;
}
