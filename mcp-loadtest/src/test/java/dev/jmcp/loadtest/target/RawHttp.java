package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTTP/1.1 exchanges with a jmcp server, for the leak and soak tests: what a misbehaving client does (sessions
 * never deleted, calls aborted with a TCP reset), plus probes of the JVM (heap after GC, busy pool threads).
 */
final class RawHttp {
    private static final Pattern SESSION_ID = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");

    private RawHttp() {}

    /** Opens a 2025-11-25 session and returns its id. */
    static String initialize(McpHttpServer http) throws IOException {
        String response = post(
                http,
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                true);
        Matcher m = SESSION_ID.matcher(response);
        assertThat(m.find()).as(response).isTrue();
        return m.group(1);
    }

    /** Starts a call of the {@code slow} tool and resets the connection while it runs, as a killed client does. */
    static void abortedCall(McpHttpServer http, String session) throws IOException {
        try (Socket s = send(
                http,
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                        + "\"arguments\":{\"ms\":100}}}")) {
            s.setSoLinger(true, 0);
        }
    }

    /** POSTs {@code body} and returns the whole answer (or its first bytes), headers included. */
    static String post(McpHttpServer http, String session, String body, boolean readAll) throws IOException {
        try (Socket s = send(http, session, body)) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            return new String(readAll ? in.readAllBytes() : in.readNBytes(12), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends a POST with the 2025-11-25 headers (and the session, if any) and returns the open socket. */
    static Socket send(McpHttpServer http, String session, String body) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(http.uri().getPath())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
                .append("MCP-Protocol-Version: 2025-11-25\r\n")
                .append("Content-Length: ")
                .append(bytes.length)
                .append("\r\n");
        if (session != null) {
            head.append("Mcp-Session-Id: ").append(session).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
        return s;
    }

    /** Pool threads (jmcp-*) that are not waiting for a task: each is stuck in some work. */
    static Map<String, String> busyThreads() {
        Map<String, String> busy = new TreeMap<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (!t.getName().startsWith("jmcp-handler")
                    && !t.getName().startsWith("jmcp-delivery")
                    && !t.getName().startsWith("jmcp-timer")) {
                return;
            }
            boolean idle = false;
            for (StackTraceElement e : stack) {
                if (e.getMethodName().equals("getTask")
                        || e.getMethodName().equals("idleJobPoll")
                        || e.getClassName().contains("ScheduledThreadPoolExecutor$DelayedWorkQueue")
                        // the handler-deadline watcher parked between deadlines (it ends after a while without any)
                        || (e.getClassName().endsWith(".HandlerDeadlines")
                                && e.getMethodName().equals("watch")
                                && stack[0].getMethodName().equals("park"))) {
                    idle = true;
                }
            }
            if (!idle) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < Math.min(stack.length, 12); i++) {
                    b.append("\n      at ").append(stack[i]);
                }
                busy.put(t.getName(), b.toString());
            }
        });
        return busy;
    }

    /** Used heap after three full collections. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
