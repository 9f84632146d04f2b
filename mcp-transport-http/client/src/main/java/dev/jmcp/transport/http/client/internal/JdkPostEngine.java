package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.transport.NetworkProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * POSTs with {@code java.net.http.HttpClient}, using the blocking {@code send} on the transport's worker thread:
 * {@code sendAsync} completes its future through {@code CompletableFuture}'s default executor, which starts a
 * thread per call when the common pool has fewer than two threads (1-2 CPU machines).
 */
final class JdkPostEngine implements PostEngine {
    private final HttpClient http;

    JdkPostEngine(HttpClient http) {
        this.http = http;
    }

    @Override
    public PostResponse post(URI endpoint, HeaderList headers, byte[] body, Duration timeout, StreamHandle handle)
            throws IOException, InterruptedException {
        HttpRequest.Builder rb =
                HttpRequest.newBuilder(endpoint).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.writeTo(HeaderSink.of(rb));
        HttpRequest request = rb.build();
        handle.interruptOnAbort(Thread.currentThread());
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } finally {
            handle.interruptOnAbort(null);
        }
        return new PostResponse() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public String header(String name) {
                return response.headers().firstValue(name).orElse(null);
            }

            @Override
            public List<String> headers(String name) {
                return response.headers().allValues(name);
            }

            @Override
            public InputStream body() {
                return response.body();
            }

            @Override
            public NetworkProtocol protocol() {
                return response.version() == HttpClient.Version.HTTP_2
                        ? NetworkProtocol.HTTP_2
                        : NetworkProtocol.HTTP_1_1;
            }
        };
    }

    @Override
    public void close() {
        // the channel shuts down a client of its own
    }
}
