package dev.jmcp.bench;

import dev.jmcp.server.HandlerExecution;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Load-insensitive cost of one stateless {@code tools/call} through the real servlet: the floor (bare Jetty servlet +
 * Jackson) and jmcp stateless ({@link McpHttpServer}, {@code stateless(true)}) run in this JVM, and one client thread
 * sends blocks of requests over one keep-alive socket (the wrk body: 2026-07-28 {@code tools/call echo} with {@code
 * _meta} and a unique id), alternating servers block by block. Per request it reports the heap bytes allocated by
 * every thread but the client's ({@code getTotalThreadAllocatedBytes} on JDK 21+, which counts virtual threads and
 * ended threads; on 17 the sum over live threads), the process CPU time minus the client thread's, and the CPU
 * time of the live Java threads minus the client's (without JIT and GC, steadier on a loaded machine), and the
 * median over rounds of each measure and of the ratio jmcp / floor.
 *
 * <p>Arguments: {@code [rounds=15] [requests per block=20000] [AUTO|INLINE|HAND_OFF]}.
 */
public final class RequestCost {
    private RequestCost() {}

    /** Runs the measurement and prints one line per round and the medians. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        HandlerExecution execution = args.length > 2 ? HandlerExecution.valueOf(args[2]) : HandlerExecution.AUTO;

        Server bare = bareServer();
        McpHttpServer jmcp = jmcpServer(execution);
        int barePort = ((ServerConnector) bare.getConnectors()[0]).getLocalPort();
        try (Client floor = new Client(barePort);
                Client server = new Client(jmcp.port())) {
            for (int i = 0; i < 3; i++) { // warm-up: JIT both paths
                floor.run(block);
                server.run(block);
            }
            double[] fa = new double[rounds], fc = new double[rounds], ja = new double[rounds], jc = new double[rounds];
            double[] ra = new double[rounds], rc = new double[rounds], ft = new double[rounds], jt = new double[rounds];
            double[] rt = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double[] f = floor.measure(block);
                double[] j = server.measure(block);
                fa[r] = f[0];
                fc[r] = f[1];
                ja[r] = j[0];
                jc[r] = j[1];
                ra[r] = j[0] / f[0];
                rc[r] = j[1] / f[1];
                ft[r] = f[2];
                jt[r] = j[2];
                rt[r] = j[2] / f[2];
                System.out.printf(
                        Locale.ROOT,
                        "round %2d  floor %7.0f B %6.1f us (threads %6.1f)   jmcp %7.0f B %6.1f us (threads %6.1f)"
                                + "   ratio %.2f alloc %.2f cpu %.2f threads cpu%n",
                        r + 1,
                        f[0],
                        f[1] / 1000,
                        f[2] / 1000,
                        j[0],
                        j[1] / 1000,
                        j[2] / 1000,
                        ra[r],
                        rc[r],
                        rt[r]);
            }
            System.out.printf(
                    Locale.ROOT,
                    "MEDIAN java=%s execution=%s floor_alloc_b=%.0f floor_cpu_us=%.2f jmcp_alloc_b=%.0f jmcp_cpu_us=%.2f"
                            + " alloc_ratio=%.2f cpu_ratio=%.2f floor_threads_cpu_us=%.2f jmcp_threads_cpu_us=%.2f"
                            + " threads_cpu_ratio=%.2f load=%s%n",
                    System.getProperty("java.version"),
                    execution,
                    median(fa),
                    median(fc) / 1000,
                    median(ja),
                    median(jc) / 1000,
                    median(ra),
                    median(rc),
                    median(ft) / 1000,
                    median(jt) / 1000,
                    median(rt),
                    new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0]);
        } finally {
            jmcp.close();
            bare.stop();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static Server bareServer() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("bare-jetty");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("mcp", new BareServerMain.BareServlet());
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        server.setHandler(context);
        server.setStopTimeout(0);
        server.start();
        return server;
    }

    private static McpHttpServer jmcpServer(HandlerExecution execution) throws Exception {
        McpServer server = JmcpServerMain.benchServer(execution);
        return McpHttpServer.builder(server)
                .host("127.0.0.1")
                .port(0)
                .path("/mcp")
                .servlet(s -> s.stateless(true))
                .start();
    }

    /** Process-wide allocation and CPU counters. */
    private static final class Counters {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private static final Method TOTAL = total();

        private static Method total() {
            try {
                return com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        static long allocated() {
            if (TOTAL != null) {
                try {
                    return (long) TOTAL.invoke(THREADS);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            long sum = 0;
            for (long a : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
                if (a > 0) {
                    sum += a;
                }
            }
            return sum;
        }

        static long processCpu() {
            return OS.getProcessCpuTime();
        }

        /** CPU time of every live Java thread (so without the JIT compiler and GC threads, which add noise). */
        static long threadsCpu() {
            long sum = 0;
            for (long id : THREADS.getAllThreadIds()) {
                long t = THREADS.getThreadCpuTime(id);
                if (t > 0) {
                    sum += t;
                }
            }
            return sum;
        }

        static long myAllocated() {
            return THREADS.getCurrentThreadAllocatedBytes();
        }

        static long myCpu() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }

    /** One keep-alive HTTP/1.1 connection sending the wrk body with unique ids, one request at a time. */
    private static final class Client implements AutoCloseable {
        private static final byte[] CRLF2 = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final int port;
        private final byte[] buf = new byte[64 * 1024];
        private final ByteArrayOutputStream req = new ByteArrayOutputStream(1024);
        private long id;

        Client(int port) throws IOException {
            this.port = port;
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        /** {allocated bytes per request, CPU ns per request} for {@code n} requests. */
        double[] measure(int n) throws IOException {
            long a0 = Counters.allocated(), c0 = Counters.processCpu(), t0 = Counters.threadsCpu();
            long ma0 = Counters.myAllocated(), mc0 = Counters.myCpu();
            run(n);
            long ma1 = Counters.myAllocated(), mc1 = Counters.myCpu();
            long a1 = Counters.allocated(), c1 = Counters.processCpu(), t1 = Counters.threadsCpu();
            return new double[] {
                (double) ((a1 - a0) - (ma1 - ma0)) / n,
                (double) ((c1 - c0) - (mc1 - mc0)) / n,
                (double) ((t1 - t0) - (mc1 - mc0)) / n
            };
        }

        void run(int n) throws IOException {
            for (int i = 0; i < n; i++) {
                call();
            }
        }

        private void call() throws IOException {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + (++id) + ",\"method\":\"tools/call\",\"params\":{"
                    + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                    + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"wrk\",\"version\":\"1.0.0\"}},"
                    + "\"name\":\"echo\",\"arguments\":{\"message\":\"hello\"}}}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            req.reset();
            String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: echo\r\n"
                    + "Content-Length: " + b.length + "\r\n\r\n";
            req.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(b);
            req.writeTo(out);
            out.flush();
            readResponse();
        }

        private void readResponse() throws IOException {
            int len = 0;
            int headerEnd = -1;
            while (headerEnd < 0) {
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    throw new IOException("connection closed");
                }
                len += r;
                headerEnd = indexOf(buf, len, CRLF2);
            }
            String headers = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1);
            if (!headers.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected answer: " + headers);
            }
            int bodyStart = headerEnd + 4;
            String lower = headers.toLowerCase(Locale.ROOT);
            int cl = lower.indexOf("content-length:");
            if (cl >= 0) {
                int eol = lower.indexOf('\r', cl);
                int length = Integer.parseInt(
                        lower.substring(cl + 15, eol < 0 ? lower.length() : eol).trim());
                while (len < bodyStart + length) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        throw new IOException("connection closed");
                    }
                    len += r;
                }
                check(bodyStart, length);
                return;
            }
            // chunked: read until the terminating 0-chunk
            byte[] end = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (indexOf(buf, len, end) < 0 && !(len - bodyStart >= 5 && startsWithZeroChunk(bodyStart, len))) {
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    throw new IOException("connection closed");
                }
                len += r;
            }
        }

        private boolean startsWithZeroChunk(int from, int len) {
            return buf[from] == '0' && buf[from + 1] == '\r' && len - from == 5;
        }

        private void check(int from, int length) throws IOException {
            if (indexOf(Arrays.copyOfRange(buf, from, from + length), length, RESULT) < 0) {
                throw new IOException("not a result: " + new String(buf, from, length, StandardCharsets.UTF_8));
            }
        }

        private static final byte[] RESULT = "\"result\"".getBytes(StandardCharsets.US_ASCII);

        private static int indexOf(byte[] data, int len, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= len; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
