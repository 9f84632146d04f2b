package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server answers {@code ping} on the thread that delivered it (no hand-off) when nothing in its path may block
 * or run application code (jmcp's own Apps filter included); with an application's interceptor, ping runs on a
 * handler thread like any request.
 */
@Timeout(30)
class InlinePingTest {
    private static final InboundContext CONTEXT = InboundContext.of(TransportMetadata.of("test"));

    @Test
    void pingIsAnsweredOnTheDeliveringThreadWithoutInterceptors() throws Exception {
        McpServer server = McpServer.builder().name("s").version("1").build();
        Recording t = new Recording();
        ServerConnection c = server.connect(t);
        try {
            t.listener.onMessage(new JsonRpcRequest(id(1), "ping", null), CONTEXT);
            String[] sent = t.sent.poll(); // already answered when delivery returned
            assertThat(sent).isNotNull();
            assertThat(sent[1]).isEqualTo(Thread.currentThread().getName());
        } finally {
            c.close();
            server.close();
        }
    }

    @Test
    void pingStaysOnTheDeliveringThreadWhenOnlyTheAppsFilterIntercepts() throws Exception {
        // an app view installs jmcp's own Apps filter, an interceptor that never blocks: ping is still answered inline
        McpServer server = McpServer.builder()
                .name("s")
                .version("1")
                .appView(AppView.builder("ui://board/view.html")
                        .name("Board")
                        .html("<p>board</p>")
                        .build())
                .build();
        Recording t = new Recording();
        ServerConnection c = server.connect(t);
        try {
            t.listener.onMessage(new JsonRpcRequest(id(3), "ping", null), CONTEXT);
            String[] sent = t.sent.poll(); // already answered when delivery returned
            assertThat(sent).isNotNull();
            assertThat(sent[1]).isEqualTo(Thread.currentThread().getName());
        } finally {
            c.close();
            server.close();
        }
    }

    @Test
    void pingGoesToAHandlerThreadWhenAnInterceptorMustSeeIt() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        McpServer server = McpServer.builder()
                .name("s")
                .version("1")
                .interceptor((call, chain) -> {
                    seen.add(call.method() + " on " + Thread.currentThread().getName());
                    return chain.proceed();
                })
                .build();
        Recording t = new Recording();
        ServerConnection c = server.connect(t);
        try {
            t.listener.onMessage(new JsonRpcRequest(id(2), "ping", null), CONTEXT);
            String[] sent = t.sent.poll(10, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(sent[1]).isNotEqualTo(Thread.currentThread().getName());
            assertThat(seen.poll(10, TimeUnit.SECONDS)).startsWith("ping on ");
        } finally {
            c.close();
            server.close();
        }
    }

    private static RequestId id(long n) {
        return RequestId.of(n);
    }

    /** Records each sent message's id and the thread that sent it. */
    private static final class Recording implements Transport {
        final LinkedBlockingQueue<String[]> sent = new LinkedBlockingQueue<>();
        volatile TransportListener listener;

        @Override
        public void start(TransportListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
            if (message instanceof JsonRpcResponse r) {
                sent.add(new String[] {r.id().toString(), Thread.currentThread().getName()});
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
