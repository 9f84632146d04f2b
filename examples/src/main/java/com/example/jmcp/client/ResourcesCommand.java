package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
final class ResourcesCommand implements Runnable {
    @CommandLine.ParentCommand
    ClientCommand client;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code resources list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the server's resources.")
    static final class ListResources implements Callable<Integer> {
        @CommandLine.ParentCommand
        ResourcesCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            try (McpClient c = parent.client.connect()) {
                Printer.of(output).resources(c.listAllResources());
                return 0;
            }
        }
    }

    /** {@code resources templates}. */
    @Command(name = "templates", mixinStandardHelpOptions = true, description = "List the resource templates.")
    static final class Templates implements Callable<Integer> {
        @CommandLine.ParentCommand
        ResourcesCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            try (McpClient c = parent.client.connect()) {
                Printer.of(output).templates(c.listAllResourceTemplates());
                return 0;
            }
        }
    }

    /** {@code resources read URI}. */
    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read a resource.")
    static final class Read implements Callable<Integer> {
        @CommandLine.ParentCommand
        ResourcesCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Parameters(index = "0", paramLabel = "URI", description = "The resource URI.")
        String uri;

        @Override
        public Integer call() {
            try (McpClient c = parent.client.connect()) {
                Printer.of(output).read(c.readResource(uri));
                return 0;
            }
        }
    }
}
