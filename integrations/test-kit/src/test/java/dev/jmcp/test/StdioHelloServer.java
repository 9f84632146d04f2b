package dev.jmcp.test;

import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.Progress;
import dev.jmcp.server.RequestContext;
import dev.jmcp.transport.stdio.StdioServer;

/** A server on stdio for the STDIO tests: greets with the greeting given as its first argument. */
public final class StdioHelloServer {
    private StdioHelloServer() {}

    /** The handlers. */
    public static final class Handlers {
        private final String greeting;

        Handlers(String greeting) {
            this.greeting = greeting;
        }

        @McpTool
        public String greet(String name) {
            return greeting + ", " + name;
        }

        @McpTool
        public String work(RequestContext context) {
            context.progress(Progress.of(1).total(1).message("halfway there"));
            context.log(LoggingLevel.WARNING, "worker", "working over stdio");
            return "done";
        }
    }

    /** Serves until the client closes stdin. */
    public static void main(String[] args) {
        try (McpServer server = McpServer.builder()
                .name("stdio-hello")
                .version("0.0.0")
                .handlers(new Handlers(args.length > 0 ? args[0] : "Hello"))
                .build()) {
            StdioServer.serve(server);
        }
    }
}
