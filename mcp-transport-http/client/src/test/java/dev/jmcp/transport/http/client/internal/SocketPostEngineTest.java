package dev.jmcp.transport.http.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in HTTP/1.1 engine against a scripted server socket on 127.0.0.1 (issue #19). */
@Timeout(20)
class SocketPostEngineTest {

    /** A server that answers each request on each connection with {@code script(connectionNo, out)}. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final List<String> heads = new CopyOnWriteArrayList<>();

        ScriptedServer(BiConsumer<Integer, OutputStream> script) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        int n = connections.incrementAndGet();
                        Thread t = new Thread(() -> serve(s, n, script));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(Socket s, int n, BiConsumer<Integer, OutputStream> script) {
            try (s) {
                InputStream in = s.getInputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    heads.add(head);
                    int at = head.toLowerCase().indexOf("content-length:");
                    int length = Integer.parseInt(
                            head.substring(at + 15, head.indexOf('\r', at)).trim());
                    in.readNBytes(length);
                    script.accept(n, s.getOutputStream());
                    s.getOutputStream().flush();
                }
            } catch (IOException | RuntimeException e) {
                // the connection ends
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                byte[] a = b.toByteArray();
                int l = a.length;
                if (l >= 4 && a[l - 4] == '\r' && a[l - 3] == '\n' && a[l - 2] == '\r' && a[l - 1] == '\n') {
                    return b.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/mcp");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String post(SocketPostEngine engine, URI uri) throws Exception {
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "application/json");
        PostResponse r = engine.post(uri, headers, "{}".getBytes(), Duration.ofSeconds(5), new StreamHandle());
        try (InputStream body = r.body()) {
            return r.statusCode() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aChunkedBodySplitAcrossWritesIsReassembledAndTheConnectionIsReused() throws Exception {
        try (ScriptedServer server = new ScriptedServer((n, out) -> {
                    write(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                    write(out, "3;ext=1\r\n{\"a\r\n");
                    write(out, "4\r\n\":1}\r\n0\r\nX-Trailer: t\r\n\r\n");
                });
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThat(post(e.engine, server.uri())).isEqualTo("200 {\"a\":1}");
            assertThat(post(e.engine, server.uri())).isEqualTo("200 {\"a\":1}");
            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.heads.get(0))
                    .startsWith("POST /mcp HTTP/1.1\r\n")
                    .contains("Host: 127.0.0.1:")
                    .contains("Content-Length: 2\r\n");
        }
    }

    private static byte[] postAndReadAtMost(SocketPostEngine engine, URI uri, int len) throws Exception {
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "application/json");
        PostResponse r = engine.post(uri, headers, "{}".getBytes(), Duration.ofSeconds(5), new StreamHandle());
        try (InputStream body = r.body()) {
            return body.readNBytes(len);
        }
    }

    @Test
    void readNBytesReturnsABodyOfKnownLengthWholeAndKeepsTheConnection() throws Exception {
        String text = "x".repeat(70_000); // longer than one exact-size read (64 KiB)
        try (ScriptedServer server = new ScriptedServer(
                        (n, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 70000\r\n\r\n" + text));
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThat(new String(postAndReadAtMost(e.engine, server.uri(), 1 << 20), StandardCharsets.UTF_8))
                    .isEqualTo(text);
            assertThat(postAndReadAtMost(e.engine, server.uri(), 70_000)).hasSize(70_000);
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void readNBytesReassemblesAChunkedBodyLargerThanItsFirstArray() throws Exception {
        String part = "y".repeat(3000);
        try (ScriptedServer server = new ScriptedServer((n, out) -> {
                    write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                    for (int i = 0; i < 3; i++) {
                        write(out, Integer.toHexString(part.length()) + "\r\n" + part + "\r\n");
                    }
                    write(out, "0\r\n\r\n");
                });
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThat(new String(postAndReadAtMost(e.engine, server.uri(), 1 << 20), StandardCharsets.UTF_8))
                    .isEqualTo(part.repeat(3));
            assertThat(postAndReadAtMost(e.engine, server.uri(), 1 << 20)).hasSize(9000);
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void readNBytesStopsAtItsLimitWhateverTheBodyAnnounces() throws Exception {
        try (ScriptedServer server = new ScriptedServer((n, out) -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\n\r\n" + "z".repeat(5000));
                    throw new IllegalStateException("close"); // far less than announced
                });
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThat(postAndReadAtMost(e.engine, server.uri(), 4097)).hasSize(4097);
            assertThatThrownBy(() -> postAndReadAtMost(e.engine, server.uri(), 1 << 20))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("ended before the end of the response body");
        }
    }

    @Test
    void readNBytesReadsABodyWithoutLengthToTheEndOfTheConnection() throws Exception {
        String text = "w".repeat(2500);
        try (ScriptedServer server = new ScriptedServer((n, out) -> {
                    write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + text);
                    throw new IllegalStateException("close");
                });
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThat(new String(postAndReadAtMost(e.engine, server.uri(), 1 << 20), StandardCharsets.UTF_8))
                    .isEqualTo(text);
        }
    }

    @Test
    void aKeptConnectionTheServerClosedIsReplacedAndThePostSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer((n, out) -> {
                    // the first connection answers once, then closes without a word (as an idle timeout does)
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + "\r\nok");
                    if (n == 1) {
                        throw new IllegalStateException("close");
                    }
                });
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThat(post(e.engine, server.uri())).isEqualTo("200 ok");
            assertThat(post(e.engine, server.uri())).isEqualTo("200 ok");
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void aResponseHeadOverTheLimitFailsTheExchange() throws Exception {
        String huge = "X-Big: " + "a".repeat(HttpConnection.MAX_HEAD_BYTES) + "\r\n";
        try (ScriptedServer server = new ScriptedServer(
                        (n, out) -> write(out, "HTTP/1.1 200 OK\r\n" + huge + "Content-Length: 0\r\n\r\n"));
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            assertThatThrownBy(() -> post(e.engine, server.uri()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("exceeds");
        }
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() throws Exception {
        try (ScriptedServer server = new ScriptedServer((n, out) -> write(out, "HTTP/1.1 204 No Content\r\n\r\n"));
                AutoCloseableEngine e = new AutoCloseableEngine()) {
            HeaderList headers = new HeaderList();
            headers.add("X-Evil", "a\r\nHost: elsewhere");
            assertThatThrownBy(() -> e.engine.post(
                            server.uri(), headers, new byte[0], Duration.ofSeconds(5), new StreamHandle()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.heads).isEmpty();
        }
    }

    private static final class AutoCloseableEngine implements AutoCloseable {
        final SocketPostEngine engine = new SocketPostEngine(Duration.ofSeconds(5));

        @Override
        public void close() {
            engine.close();
        }
    }
}
