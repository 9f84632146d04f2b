package com.example.jmcp;

import com.example.jmcp.client.ClientCommand;
import com.example.jmcp.demo.DemoCommand;
import com.example.jmcp.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' entry point.
 *
 * <pre>
 * java -jar jmcp-examples.jar server everything --http 8080     # the conformance everything-server
 * java -jar jmcp-examples.jar server notes --stdio               # a small server for desktop MCP hosts
 * java -jar jmcp-examples.jar client --http http://localhost:8080/mcp tools list
 * java -jar jmcp-examples.jar demo                               # server and client in one process
 * </pre>
 */
@Command(
        name = "jmcp-examples",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "MCP servers and clients built with jmcp.",
        subcommands = {ServerCommand.class, ClientCommand.class, DemoCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jmcp-examples " + (v == null ? "dev" : v)};
        }
    }
}
