package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.tools.CallToolResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code client ... tools list|call}. */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = "List or call tools.",
        subcommands = {ToolsCommand.ListTools.class, ToolsCommand.Call.class})
final class ToolsCommand extends ClientGroupCommand {
    /** {@code tools list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the server's tools.")
    static final class ListTools extends ClientSubcommand {
        @Override
        int run(McpClient c, Printer out) {
            out.tools(c.listAllTools());
            return 0;
        }
    }

    /** {@code tools call NAME --args JSON}: exits 1 when the tool reports an error. */
    @Command(
            name = "call",
            mixinStandardHelpOptions = true,
            description = "Call a tool; exits 1 if it reports an error.")
    static final class Call extends ClientSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The tool's name.")
        String name;

        @Option(
                names = {"--args", "-a"},
                paramLabel = "JSON",
                defaultValue = "{}",
                description = "The arguments as a JSON object (default {}).")
        String args;

        private JsonNode arguments;

        @Override
        void prepare(CommandLine commandLine) {
            arguments = Arguments.parseObject(args, commandLine);
        }

        @Override
        int run(McpClient c, Printer out) {
            CallToolResult result = c.callTool(name, arguments);
            out.toolResult(result);
            return result.failed() ? 1 : 0;
        }
    }
}
