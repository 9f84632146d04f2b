package dev.jmcp.bench;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.client.HttpClientEngine;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import tools.jackson.databind.JsonNode;

/**
 * Client CPU per {@code tools/call} (issue #19): against one running MCP server, {@code threads} threads call in a
 * closed loop, one client variant after the other, round after round (so every variant sees the same machine
 * load), and the process CPU time of this JVM per completed call is reported with its ratio to the floor of the
 * same round:
 *
 * <ul>
 *   <li>{@code raw}: the floor, a hand-written HTTP/1.1 keep-alive POST of the same body on a blocking socket per
 *       thread (the body and headers precomputed, the response parsed just enough to find its end);
 *   <li>{@code jdk}: {@code java.net.http.HttpClient.send} of the same POST (HTTP/1.1, one shared client);
 *   <li>{@code mcp-builtin}, {@code mcp-jdk}: one shared {@link McpClient} over {@link
 *       StreamableHttpClientTransport} with each {@link HttpClientEngine}, {@code callTool("echo", ...)}.
 * </ul>
 *
 * Per 1,000 calls, the platform threads started during each measurement ({@code ThreadMXBean}) and, on JDK 21+,
 * the virtual threads (a JFR recording of {@code jdk.VirtualThreadStart}; none on JDK 17, where starting a recording
 * slows the JVM for many seconds); and the bytes the JVM's threads allocated per call. Arguments: {@code url [threads] [warmupSeconds]
 * [measureSeconds] [rounds] [variants,comma-separated]}.
 */
public final class ClientCostBenchmark {
    private static final String ECHO_ARGS = "{\"message\":\"hello\"}";

    private ClientCostBenchmark() {}

    /** Runs the comparison and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:18080/mcp");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int measure = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        List<String> variants = Arrays.asList((args.length > 5 ? args[5] : "raw,jdk,mcp-builtin,mcp-jdk").split(","));
        String session = RawPost.initialize(url);
        Map<String, List<Result>> results = new LinkedHashMap<>();
        System.out.printf(
                Locale.ROOT,
                "java %s, %d threads, %d s warm-up + %d s per variant, %d rounds, %s, cpus=%d%n",
                System.getProperty("java.version"),
                threads,
                warmup,
                measure,
                rounds,
                url,
                Runtime.getRuntime().availableProcessors());
        for (String v : variants) { // round 0: JIT warm-up of every variant, not recorded
            run(v, url, session, threads, warmup, 1);
        }
        for (int round = 1; round <= rounds; round++) {
            for (String v : variants) {
                Result r = run(v, url, session, threads, warmup, measure);
                results.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                System.out.printf(
                        Locale.ROOT,
                        "round %d %-12s %8.1f us/call %6.2f KiB/call %9.0f calls/s platform-threads/1000 calls"
                                + " %.2f virtual/1000 %.1f load %s%n",
                        round,
                        v,
                        r.cpuMicrosPerCall(),
                        r.allocatedKiBPerCall(),
                        r.callsPerSecond(),
                        r.platformThreadsPer1000(),
                        r.virtualThreadsPer1000(),
                        loadAverage());
            }
        }
        String floor = variants.get(0);
        System.out.println();
        System.out.println("| client (java " + System.getProperty("java.version") + ", " + threads
                + " threads) | client CPU µs/call (median) | ratio to " + floor
                + " (median of rounds) | allocated KiB/call | calls/s | platform threads started / 1,000 calls |");
        System.out.println("|---|---|---|---|---|---|");
        for (String v : variants) {
            List<Result> rs = results.get(v);
            double[] ratios = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                ratios[i] =
                        rs.get(i).cpuMicrosPerCall() / results.get(floor).get(i).cpuMicrosPerCall();
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f | %.2f | %.0f | %.2f |%n",
                    v,
                    median(rs.stream().mapToDouble(Result::cpuMicrosPerCall).toArray()),
                    median(ratios),
                    median(rs.stream().mapToDouble(Result::allocatedKiBPerCall).toArray()),
                    median(rs.stream().mapToDouble(Result::callsPerSecond).toArray()),
                    median(rs.stream()
                            .mapToDouble(Result::platformThreadsPer1000)
                            .toArray()));
        }
        System.out.println("load average after the run: " + loadAverage());
        System.exit(0);
    }

    private record Result(
            double cpuMicrosPerCall,
            double callsPerSecond,
            double platformThreadsPer1000,
            double virtualThreadsPer1000,
            double allocatedKiBPerCall) {}

    /** One thread's way of making a call. */
    private interface Caller {
        void call() throws Exception;
    }

    /** A variant: per-thread callers over shared state, closed afterwards. */
    private interface Variant extends AutoCloseable {
        Caller caller() throws Exception;

        @Override
        void close() throws Exception;
    }

    private static Result run(String name, URI url, String session, int threads, int warmup, int measure)
            throws Exception {
        try (Variant variant = variant(name, url, session)) {
            long[] counts = new long[threads * 16];
            AtomicInteger failures = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            volatileStop = false;
            for (int t = 0; t < threads; t++) {
                Caller caller = variant.caller();
                int slot = t * 16;
                Thread th = new Thread(
                        () -> {
                            while (!volatileStop) {
                                try {
                                    caller.call();
                                    counts[slot]++;
                                } catch (Exception e) {
                                    if (failures.incrementAndGet() < 3) {
                                        e.printStackTrace();
                                    }
                                }
                            }
                        },
                        "bench-caller-" + t);
                th.setDaemon(true);
                workers.add(th);
                th.start();
            }
            Thread.sleep(warmup * 1000L);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            // virtual threads are counted by JFR only (JDK 21+); on JDK 17 a recording's start slows the JVM
            // for many seconds, so there the platform threads are counted by the MXBean alone
            Recording jfr = null;
            if (Runtime.version().feature() >= 21) {
                jfr = new Recording();
                jfr.enable("jdk.VirtualThreadStart");
                jfr.start();
            }
            long started0 = mx.getTotalStartedThreadCount();
            Map<Long, Long> bytes0 = allocatedBytes();
            long calls0 = sum(counts);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(measure * 1000L);
            long calls1 = sum(counts);
            long cpu1 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            Map<Long, Long> bytes1 = allocatedBytes();
            long started1 = mx.getTotalStartedThreadCount();
            volatileStop = true;
            for (Thread th : workers) {
                th.join(10_000);
            }
            long virtual = 0;
            if (jfr != null) {
                jfr.stop();
                Path file = Files.createTempFile("client-bench", ".jfr");
                jfr.dump(file);
                jfr.close();
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    if (e.getEventType().getName().equals("jdk.VirtualThreadStart")) {
                        virtual++;
                    }
                }
                Files.deleteIfExists(file);
            }
            long calls = calls1 - calls0;
            if (failures.get() > 0) {
                System.out.println(name + ": " + failures.get() + " failed calls");
            }
            return new Result(
                    (cpu1 - cpu0) / 1000.0 / calls,
                    calls * 1e9 / (t1 - t0),
                    (started1 - started0) * 1000.0 / calls,
                    virtual * 1000.0 / calls,
                    allocatedBetween(bytes0, bytes1) / 1024.0 / calls);
        }
    }

    /** Bytes allocated so far by each thread alive now, by thread id. */
    private static Map<Long, Long> allocatedBytes() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = mx.getAllThreadIds();
        long[] bytes = mx.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    /**
     * The bytes allocated between two {@link #allocatedBytes()} snapshots by the threads alive at the second (a
     * thread that ended in between is not counted: none does in the MCP variants, which start no thread).
     */
    private static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }

    private static volatile boolean volatileStop;

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Variant variant(String name, URI url, String session) throws Exception {
        switch (name) {
            case "raw" -> {
                List<RawPost> opened = new ArrayList<>();
                return new Variant() {
                    @Override
                    public Caller caller() throws IOException {
                        RawPost p = new RawPost(url, session);
                        opened.add(p);
                        return p::call;
                    }

                    @Override
                    public void close() throws IOException {
                        for (RawPost p : opened) {
                            p.close();
                        }
                    }
                };
            }
            case "jdk" -> {
                var pool = Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-jdk-http");
                    t.setDaemon(true);
                    return t;
                });
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(pool)
                        .build();
                byte[] body = RawPost.body(1);
                return new Variant() {
                    @Override
                    public Caller caller() {
                        return () -> {
                            HttpRequest request = HttpRequest.newBuilder(url)
                                    .header("Content-Type", "application/json")
                                    .header("Accept", "application/json, text/event-stream")
                                    .header("Mcp-Session-Id", session)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build();
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                throw new IOException("status " + r.statusCode());
                            }
                        };
                    }

                    @Override
                    public void close() {
                        pool.shutdownNow();
                    }
                };
            }
            default -> {
                if (!name.startsWith("mcp-")) {
                    throw new IllegalArgumentException("unknown variant " + name);
                }
                HttpClientEngine engine = HttpClientEngine.valueOf(
                        name.substring(4).toUpperCase(Locale.ROOT).replace('-', '_'));
                McpClient client = McpClient.builder()
                        .clientInfo("client-bench", "1.0")
                        .transport(StreamableHttpClientTransport.builder(url)
                                .engine(engine)
                                .openGetStream(false)
                                .build())
                        .build();
                client.connect();
                JsonNode arguments = McpJson.mapper().readTree(ECHO_ARGS);
                return new Variant() {
                    @Override
                    public Caller caller() {
                        return () -> {
                            if (Boolean.TRUE.equals(
                                    client.callTool("echo", arguments).isError())) {
                                throw new IOException("tool error");
                            }
                        };
                    }

                    @Override
                    public void close() {
                        client.close();
                    }
                };
            }
        }
    }

    /** The floor: a keep-alive HTTP/1.1 POST on one blocking socket, parsed just enough. */
    private static final class RawPost implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;

        RawPost(URI url, String session) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            request = request(url, session, body(1));
        }

        static byte[] body(long id) {
            return ("{\"jsonrpc\":\"2.0\",\"id\":" + id
                            + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":" + ECHO_ARGS
                            + "}}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        static byte[] request(URI url, String session, byte[] body) {
            String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }

        /** Sends an initialize and returns the session id the server assigned (null when none). */
        static String initialize(URI url) throws IOException {
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            try (RawPost p = new RawPost(url, null)) {
                p.out.write(request(url, null, body));
                p.out.flush();
                String head = p.readHead();
                p.readBody(head);
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("mcp-session-id:")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                return null;
            }
        }

        void call() throws IOException {
            out.write(request);
            out.flush();
            String head = readHead();
            if (!head.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected answer " + head);
            }
            readBody(head);
        }

        private String readHead() throws IOException {
            StringBuilder sb = new StringBuilder(256);
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                sb.append((char) b);
                matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : 0;
            }
            return sb.toString();
        }

        private void readBody(String head) throws IOException {
            int at = head.toLowerCase(Locale.ROOT).indexOf("content-length:");
            if (at < 0) {
                throw new IOException("no Content-Length in " + head);
            }
            int end = head.indexOf('\r', at);
            int length = Integer.parseInt(head.substring(at + 15, end).trim());
            in.readNBytes(length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
