package com.example.jmcp.server;

import dev.jmcp.redis.RedisScaleOut;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * {@code server everything --http PORT --redis URI} (issue #18): the everything server sharing sessions, events,
 * tasks and deliveries with the other instances on one Redis, so any instance behind a load balancer serves any
 * session. Its own class, so that the Redis types load only when {@code --redis} is given.
 */
final class ScaledOutServer {
    private static final String DYNAMIC_CHANNEL = "everything:dynamic";

    private ScaledOutServer() {}

    /** Serves until the JVM shuts down. */
    static Integer serve(String host, int port, String redisUri, String namespace) throws InterruptedException {
        RedisScaleOut redis =
                RedisScaleOut.builder().uri(redisUri).namespace(namespace).build();
        // The everything server adds a tool or prompt at run time (test_trigger_*_change): the other instances
        // must serve the same lists, so the change is told to them over the bus and applied there too.
        String instance = UUID.randomUUID().toString();
        McpServer server = EverythingServer.create(b -> redis.configure(b).interceptor((call, chain) -> {
            ServerOutcome outcome = chain.proceed();
            if ("tools/call".equals(call.method()) && call.params() != null) {
                String tool = call.params().path("name").asString("");
                if (tool.equals("test_trigger_tool_change") || tool.equals("test_trigger_prompt_change")) {
                    redis.messageBus()
                            .publish(DYNAMIC_CHANNEL, (instance + " " + tool).getBytes(StandardCharsets.UTF_8));
                }
            }
            return outcome;
        }));
        redis.messageBus().subscribe(DYNAMIC_CHANNEL, message -> {
            String[] parts = new String(message, StandardCharsets.UTF_8).split(" ", 2);
            if (parts.length == 2 && !parts[0].equals(instance)) {
                if (parts[1].equals("test_trigger_tool_change")) {
                    EverythingInputTools.addDynamicTool(server);
                } else {
                    EverythingInputTools.addDynamicPrompt(server);
                }
            }
        });
        McpHttpServer http = McpHttpServer.builder(server)
                .host(host)
                .port(port)
                .path("/mcp")
                .servlet(redis::configure)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            server.close();
            redis.close();
            stopped.countDown();
        }));
        System.err.println("everything server listening on " + http.uri() + ", scaled out on " + redisUri);
        stopped.await();
        return 0;
    }
}
