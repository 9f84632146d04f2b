package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import java.time.Duration;
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

    /**
     * {@code tools call NAME --args JSON [--task]}: exits 1 when the tool reports an error. A tool whose
     * {@code execution.taskSupport} is {@code required} (or any tool with {@code --task}) is called as a task and
     * waited for (up to {@code --timeout}), in either protocol era.
     */
    @Command(
            name = "call",
            mixinStandardHelpOptions = true,
            description = "Call a tool; exits 1 if it reports an error. A tool that requires a task runs as one.")
    static final class Call extends ClientSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The tool's name.")
        String name;

        @Option(
                names = {"--args", "-a"},
                paramLabel = "JSON",
                defaultValue = "{}",
                description = "The arguments as a JSON object (default {}).")
        String args;

        @Option(
                names = "--task",
                description = "Call the tool as a task and wait for its result (automatic for a tool that"
                        + " requires a task).")
        boolean task;

        private JsonNode arguments;

        @Override
        void prepare(CommandLine commandLine) {
            arguments = Arguments.parseObject(args, commandLine);
        }

        @Override
        int run(McpClient c, Printer out) {
            CallToolResult result = task || requiresTask(c, name)
                    ? c.callToolAsTaskAndWait(
                            name, arguments, TaskMetadata.defaults(), Duration.ofSeconds(group.client.timeoutSeconds))
                    : c.callTool(name, arguments);
            out.toolResult(result);
            return result.failed() ? 1 : 0;
        }

        /** Whether the server lists the tool with {@code execution.taskSupport} {@code required}. */
        private static boolean requiresTask(McpClient c, String name) {
            if (c.server().capabilities().tools() == null) {
                return false; // the call fails as it is
            }
            return c.listAllTools().stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst()
                    .map(Tool::execution)
                    .map(e -> e.taskSupport() == ToolExecution.TaskSupport.REQUIRED)
                    .orElse(false);
        }
    }
}
