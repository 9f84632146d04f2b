package com.example.jmcp.server;

import dev.jmcp.server.McpServer;
import dev.jmcp.server.SkillsCatalog;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The everything-server the official MCP conformance suite tests: every tool, resource and prompt its server
 * scenarios call, with the names and behaviours they expect.
 */
public final class EverythingServer {
    private EverythingServer() {}

    /** A new everything-server. */
    public static McpServer create() {
        return create(b -> b);
    }

    /** A new everything-server, its builder passed through {@code customizer} first (e.g. scale-out stores). */
    public static McpServer create(java.util.function.UnaryOperator<McpServer.Builder> customizer) {
        McpServer.Builder b = customizer
                .apply(McpServer.builder())
                .name("jmcp-everything-server")
                .title("jmcp everything server")
                .version("0.1.0")
                .instructions("A test server exercising every MCP feature; tool names follow the conformance suite.");
        EverythingTools.register(b);
        EverythingResources.register(b);
        EverythingPrompts.register(b);
        // skills (#21, SEP-2640): the class-path folder skills/ as skill:// resources with skills/list and skills/get
        b.skills(SkillsCatalog.builder()
                .classPath(EverythingServer.class.getClassLoader(), "skills")
                .build());
        // MCP Apps (#21, SEP-1865): a dice view and the tools that show it
        EverythingApps.register(b);
        AtomicReference<McpServer> self = new AtomicReference<>();
        EverythingInputTools.register(b, self);
        McpServer server = b.build();
        self.set(server);
        return server;
    }
}
