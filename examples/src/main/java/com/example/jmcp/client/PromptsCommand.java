package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import java.util.concurrent.Callable;
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
final class PromptsCommand implements Runnable {
    @CommandLine.ParentCommand
    ClientCommand client;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code prompts list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the server's prompts.")
    static final class ListPrompts implements Callable<Integer> {
        @CommandLine.ParentCommand
        PromptsCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            try (McpClient c = parent.client.connect()) {
                Printer.of(output).prompts(c.listAllPrompts());
                return 0;
            }
        }
    }

    /** {@code prompts get NAME --args JSON}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Get a prompt with arguments.")
    static final class Get implements Callable<Integer> {
        @CommandLine.ParentCommand
        PromptsCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Parameters(index = "0", paramLabel = "NAME", description = "The prompt's name.")
        String name;

        @Option(
                names = {"--args", "-a"},
                paramLabel = "JSON",
                defaultValue = "{}",
                description = "The arguments as a JSON object of strings (default {}).")
        String args;

        @Override
        public Integer call() {
            var arguments = Arguments.stringMap(args, parent.spec.commandLine());
            try (McpClient c = parent.client.connect()) {
                Printer.of(output).prompt(c.getPrompt(name, arguments));
                return 0;
            }
        }
    }
}
