package com.example.jmcp;

import com.example.jmcp.client.ClientCommand;
import com.example.jmcp.demo.DemoCommand;
import com.example.jmcp.server.ServerCommand;
import com.example.jmcp.server.StdioLaunch;
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

    /**
     * Runs the command line and exits with its code. {@code server everything|notes|typed [--stdio]}, the command
     * line MCP hosts launch, starts without the command-line parser ({@link StdioLaunch}).
     */
    public static void main(String[] args) {
        ServerCommand.Kind stdioServer = StdioLaunch.match(args);
        System.exit(stdioServer != null ? serveStdio(stdioServer) : run(args));
    }

    private static int serveStdio(ServerCommand.Kind kind) {
        try {
            return StdioLaunch.serve(kind);
        } catch (RuntimeException e) {
            System.err.println("error: " + describe(e));
            if (System.getenv("JMCP_DEBUG") != null) {
                e.printStackTrace();
            }
            return 2;
        }
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::onError)
                .execute(args);
    }

    /** Prints a failure in one line (the stack trace too with {@code JMCP_DEBUG=1}) and exits 2. */
    private static int onError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("error: " + describe(e));
        if (System.getenv("JMCP_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return 2;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
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
