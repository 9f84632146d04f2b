package dev.jmcp.transport.stdio;

import dev.jmcp.server.McpServer;

/**
 * A real jmcp {@link McpServer} served with {@link StdioServer#serve}, launched as a subprocess by the tests and
 * the benchmark. Usage: {@code McpStdioServerMain [crashAfterMillis exitCode]}: with arguments, the process
 * writes two stderr lines and halts with {@code exitCode} after {@code crashAfterMillis}.
 */
public final class McpStdioServerMain {
    private McpStdioServerMain() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) {
        McpServer server =
                McpServer.builder().name("jmcp-stdio-test").version("1.0.0").build();
        if (args.length >= 2) {
            long after = Long.parseLong(args[0]);
            int code = Integer.parseInt(args[1]);
            Thread crasher = new Thread(() -> {
                try {
                    Thread.sleep(after);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("fatal: out of coffee");
                System.err.flush();
                Runtime.getRuntime().halt(code);
            });
            crasher.setDaemon(true);
            crasher.start();
        }
        StdioServer.serve(server);
        server.close();
        System.err.println("mcp server: stdin closed, exiting");
    }
}
