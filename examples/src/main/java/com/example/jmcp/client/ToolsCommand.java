package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.tools.CallToolResult;
import java.util.concurrent.Callable;
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
final class ToolsCommand implements Runnable {
    @CommandLine.ParentCommand
    ClientCommand client;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code tools list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the server's tools.")
    static final class ListTools implements Callable<Integer> {
        @CommandLine.ParentCommand
        ToolsCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            try (McpClient c = parent.client.connect()) {
                Printer.of(output).tools(c.listAllTools());
                return 0;
            }
        }
    }

    /** {@code tools call NAME --args JSON}: exits 1 when the tool reports an error. */
    @Command(
            name = "call",
            mixinStandardHelpOptions = true,
            description = "Call a tool; exits 1 if it reports an error.")
    static final class Call implements Callable<Integer> {
        @CommandLine.ParentCommand
        ToolsCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Parameters(index = "0", paramLabel = "NAME", description = "The tool's name.")
        String name;

        @Option(
                names = {"--args", "-a"},
                paramLabel = "JSON",
                defaultValue = "{}",
                description = "The arguments as a JSON object (default {}).")
        String args;

        @Override
        public Integer call() {
            JsonNode arguments = Arguments.parseObject(args, parent.spec.commandLine());
            try (McpClient c = parent.client.connect()) {
                CallToolResult result = c.callTool(name, arguments);
                Printer.of(output).toolResult(result);
                return result.failed() ? 1 : 0;
            }
        }
    }
}
