package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code client ... resources list|templates|read}. */
@Command(
        name = "resources",
        mixinStandardHelpOptions = true,
        description = "List, list templates of, or read resources.",
        subcommands = {
            ResourcesCommand.ListResources.class,
            ResourcesCommand.Templates.class,
            ResourcesCommand.Read.class
        })
final class ResourcesCommand extends ClientGroupCommand {
    /** {@code resources list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the server's resources.")
    static final class ListResources extends ClientSubcommand {
        @Override
        int run(McpClient c, Printer out) {
            out.resources(c.listAllResources());
            return 0;
        }
    }

    /** {@code resources templates}. */
    @Command(name = "templates", mixinStandardHelpOptions = true, description = "List the resource templates.")
    static final class Templates extends ClientSubcommand {
        @Override
        int run(McpClient c, Printer out) {
            out.templates(c.listAllResourceTemplates());
            return 0;
        }
    }

    /** {@code resources read URI}. */
    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read a resource.")
    static final class Read extends ClientSubcommand {
        @Parameters(index = "0", paramLabel = "URI", description = "The resource URI.")
        String uri;

        @Override
        int run(McpClient c, Printer out) {
            out.read(c.readResource(uri));
            return 0;
        }
    }
}
