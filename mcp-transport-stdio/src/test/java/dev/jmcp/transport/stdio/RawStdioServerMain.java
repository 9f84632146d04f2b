package dev.jmcp.transport.stdio;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.session.McpSession;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stdio server built on a raw {@link McpSession} (no McpServer), launched as a subprocess by the tests.
 *
 * <p>Usage: {@code RawStdioServerMain <mode> [maxMessageBytes]}. Modes: {@code serve} (exit on stdin EOF),
 * {@code ignore-eof} (keep running after stdin EOF until terminated), {@code ignore-term} (keep running after
 * EOF and block in a shutdown hook, so only a kill ends it), {@code no-read} (never read stdin), {@code
 * long-line} (write a 20 MiB line to stdout first, then serve).
 */
public final class RawStdioServerMain {
    private RawStdioServerMain() {}

    /** Runs the server. */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "serve";
        int maxBytes = args.length > 1 ? Integer.parseInt(args[1]) : CodecLimits.DEFAULT_MAX_MESSAGE_BYTES;
        System.err.println("raw server starting in mode " + mode);
        if (mode.equals("no-read")) {
            Thread.sleep(60_000);
            return;
        }
        OutputStream stdout = StdioServerTransport.captureSystemStdout();
        if (mode.equals("long-line")) {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            stdout.write('"');
            for (int i = 0; i < 20; i++) {
                stdout.write(chunk);
            }
            stdout.write("\"\n".getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        }
        StdioServerTransport transport = StdioServerTransport.builder(System.in, stdout)
                .codec(JsonRpcCodec.withLimits(new CodecLimits(maxBytes, 128)))
                .build();
        McpSession session = McpSession.builder(transport)
                .name("raw-stdio-server")
                .maxInFlightRequests(1024) // the tests send 400 at once
                .requestHandler("echo", r -> r.params())
                .requestHandler("sleep", r -> {
                    Thread.sleep(r.params().get("ms").longValue());
                    return r.params();
                })
                .requestHandler("big", r -> {
                    ObjectNode result = McpJson.object();
                    result.put("data", "y".repeat(r.params().get("bytes").intValue()));
                    return result;
                })
                .requestHandler("print", r -> {
                    for (int i = 0; i < 50; i++) {
                        System.out.println("stray output {not json " + i);
                        System.out.print("partial line without newline ");
                    }
                    System.out.flush();
                    return McpJson.object().put("printed", true);
                })
                .requestHandler("env", r -> {
                    ObjectNode result = McpJson.object();
                    String value = System.getenv(r.params().get("name").asString());
                    result.put("value", value == null ? "" : value);
                    result.put("cwd", System.getProperty("user.dir"));
                    return result;
                })
                .requestHandler("crash", r -> {
                    System.err.println("fatal: database unreachable");
                    System.err.println("giving up");
                    System.err.flush();
                    Runtime.getRuntime().halt(r.params().get("code").intValue());
                    return null;
                })
                .build();
        session.start();
        transport.closeFuture().get(1, TimeUnit.HOURS);
        System.err.println("raw server: stdin closed");
        if (mode.equals("ignore-eof") || mode.equals("ignore-term")) {
            if (mode.equals("ignore-term")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> sleepQuietly(60_000)));
            }
            sleepQuietly(60_000);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
