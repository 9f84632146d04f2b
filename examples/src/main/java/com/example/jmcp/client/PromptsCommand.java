package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code client ... prompts list|get}. */
@Command(
        name = "prompts",
        mixinStandardHelpOptions = true,
        description = "List or get prompts.",
        subcommands = {PromptsCommand.ListPrompts.class, PromptsCommand.Get.class})
final class PromptsCommand extends ClientGroupCommand {
    /** {@code prompts list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the server's prompts.")
    static final class ListPrompts extends ClientSubcommand {
        @Override
        int run(McpClient c, Printer out) {
            out.prompts(c.listAllPrompts());
            return 0;
        }
    }

    /** {@code prompts get NAME --args JSON}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Get a prompt with arguments.")
    static final class Get extends ClientSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The prompt's name.")
        String name;

        @Option(
                names = {"--args", "-a"},
                paramLabel = "JSON",
                defaultValue = "{}",
                description = "The arguments as a JSON object of strings (default {}).")
        String args;

        private Map<String, String> arguments;

        @Override
        void prepare(CommandLine commandLine) {
            arguments = Arguments.stringMap(args, commandLine);
        }

        @Override
        int run(McpClient c, Printer out) {
            out.prompt(c.getPrompt(name, arguments));
            return 0;
        }
    }
}
