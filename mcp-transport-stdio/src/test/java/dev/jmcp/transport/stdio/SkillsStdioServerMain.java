package dev.jmcp.transport.stdio;

import dev.jmcp.server.McpServer;
import dev.jmcp.server.SkillsCatalog;
import java.nio.file.Path;

/**
 * A jmcp server publishing the skills of the folder named by its only argument (Skills, SEP-2640), served with
 * {@link StdioServer#serve}; launched as a subprocess by {@code SkillsOverStdioTest}.
 */
public final class SkillsStdioServerMain {
    private SkillsStdioServerMain() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) {
        McpServer server = McpServer.builder()
                .name("jmcp-skills-stdio")
                .skills(SkillsCatalog.builder().directory(Path.of(args[0])).build())
                .build();
        StdioServer.serve(server);
    }
}
