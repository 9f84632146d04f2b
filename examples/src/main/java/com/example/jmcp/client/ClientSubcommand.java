package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A subcommand of a {@link ClientGroupCommand} that checks its arguments, connects to the target, does one thing,
 * prints the result (as text, or as JSON with {@code --json}) and disconnects.
 */
abstract class ClientSubcommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ClientGroupCommand group;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        prepare(group.spec.commandLine());
        try (McpClient c = group.client.connect()) {
            return run(c, Printer.of(output));
        }
    }

    /** Checks and parses the command's own arguments before connecting; by default there is nothing to do. */
    void prepare(CommandLine commandLine) {}

    /** Does the work on the connected client and returns the exit code. */
    abstract int run(McpClient client, Printer out);
}
