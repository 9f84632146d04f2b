package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.initializeBody;
import static dev.jmcp.transport.http.HttpTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow peers (issue #14, D6): POST bodies are read with non-blocking servlet I/O, so peers dripping their bodies
 * hold no container thread; and a body slower than the minimum data rate is refused with 408.
 */
@Timeout(30)
class SlowBodiesOverHttpTest {
    private static final int DRIPPERS = 400;

    @Test
    void fourHundredDrippingBodiesDoNotDelayANormalRequestBeyondASecond() throws Exception {
        StreamsPeer peer = new StreamsPeer();
        // the data-rate check is off here, so the drippers stay connected: only the non-blocking reads protect
        try (McpHttpServer http =
                McpHttpServer.builder(peer).minRequestDataRate(0).start()) {
            URI uri = http.uri();
            assertThat(post(uri, initializeBody(1, "2025-11-25"), Map.of()).statusCode())
                    .isEqualTo(200); // warm up
            List<Socket> drippers = new ArrayList<>();
            AtomicBoolean dripping = new AtomicBoolean(true);
            AtomicInteger failed = new AtomicInteger();
            Thread drip = null;
            try {
                for (int i = 0; i < DRIPPERS; i++) {
                    drippers.add(startSlowPost(uri));
                }
                drip = new Thread(() -> dripOneByteEach(drippers, dripping, failed), "dripper");
                drip.setDaemon(true);
                drip.start();
                long best = Long.MAX_VALUE;
                for (int attempt = 0; attempt < 5 && best >= 1_000; attempt++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = post(uri, initializeBody(2, "2025-11-25"), Map.of());
                    best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
                    assertThat(r.statusCode()).isEqualTo(200);
                }
                assertThat(best)
                        .as("milliseconds for a normal request while %d bodies drip", DRIPPERS)
                        .isLessThan(1_000);
                assertThat(failed.get()).as("drippers the server dropped").isLessThan(DRIPPERS / 10);
            } finally {
                dripping.set(false);
                if (drip != null) {
                    drip.join(5_000);
                }
                for (Socket s : drippers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void bodySlowerThanTheMinimumDataRateIsRefusedWith408() throws Exception {
        try (McpHttpServer http = McpHttpServer.builder(new StreamsPeer())
                .minRequestDataRate(1024)
                .start()) {
            assertThat(statusWhileDripping(http.uri())).isEqualTo("HTTP/1.1 408");
        }
    }

    @Test
    void bodyThatDoesNotArriveWithinTheReadTimeoutIsRefusedWith408() throws Exception {
        try (McpHttpServer http = McpHttpServer.builder(new StreamsPeer())
                .minRequestDataRate(0)
                .servlet(s -> s.bodyReadTimeout(Duration.ofMillis(500)))
                .start()) {
            assertThat(statusWhileDripping(http.uri())).isEqualTo("HTTP/1.1 408");
        }
    }

    /** Drips a body (a byte every 200 ms, for at most 8 s) until the server answers; returns its status line start. */
    private static String statusWhileDripping(URI uri) throws Exception {
        try (Socket socket = startSlowPost(uri)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 40; i++) {
                Thread.sleep(200);
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException closed) {
                    // the server gave up on the body: its answer is already in our receive buffer
                }
                if (in.available() > 0) {
                    return new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }
    }

    /** Opens a POST announcing a 1,000-byte body and sends only its first 10 bytes. */
    private static Socket startSlowPost(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: 1000\r\n\r\n{\"jsonrpc\"";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private static void dripOneByteEach(List<Socket> sockets, AtomicBoolean dripping, AtomicInteger failed) {
        boolean[] dead = new boolean[sockets.size()];
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (dripping.get() && System.nanoTime() < deadline) {
            for (int i = 0; i < sockets.size(); i++) {
                if (dead[i]) {
                    continue;
                }
                try {
                    sockets.get(i).getOutputStream().write(' ');
                } catch (IOException e) {
                    dead[i] = true;
                    failed.incrementAndGet();
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
