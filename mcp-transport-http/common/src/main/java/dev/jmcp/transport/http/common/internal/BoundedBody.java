package dev.jmcp.transport.http.common.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a limit: a declared {@code Content-Length} beyond it fails at once,
 * and a body that grows beyond it is cancelled (the connection is dropped) and fails with {@link TooLarge}. Never
 * holds more than the limit plus one network buffer.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** A body exceeded the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the response body exceeds " + limit + " bytes");
        }
    }

    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    private BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler whose bodies are at most {@code maxBytes}; {@code last} receives each subscriber (to cancel it). */
    public static HttpResponse.BodyHandler<byte[]> handler(
            int maxBytes, java.util.function.Consumer<BoundedBody> last) {
        return info -> {
            BoundedBody body = new BoundedBody(maxBytes);
            last.accept(body);
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxBytes) {
                body.result.completeExceptionally(new TooLarge(maxBytes));
                body.cancelled = true;
            }
            return body;
        };
    }

    /** Stops reading (a timeout elapsed); the body completes exceptionally. */
    public void cancel(IOException reason) {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(reason);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (cancelled) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (bytes.size() + (long) n > maxBytes) {
                cancel(new TooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            bytes.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
