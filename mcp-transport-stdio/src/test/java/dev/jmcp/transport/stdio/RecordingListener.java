package dev.jmcp.transport.stdio;

import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.TransportListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a transport delivers, for tests that drive a transport without a session. */
final class RecordingListener implements TransportListener {
    final BlockingQueue<JsonRpcMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonRpcCodecException> invalid = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    volatile int closeCalls;

    @Override
    public void onMessage(JsonRpcMessage message, InboundContext context) {
        messages.add(message);
    }

    @Override
    public void onInvalidMessage(JsonRpcCodecException error) {
        invalid.add(error);
    }

    @Override
    public synchronized void onClose(Throwable cause) {
        closeCalls++;
        closed.complete(cause);
    }

    JsonRpcMessage nextMessage(Duration timeout) throws InterruptedException {
        JsonRpcMessage m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return m;
    }

    JsonRpcCodecException nextInvalid(Duration timeout) throws InterruptedException {
        JsonRpcCodecException e = invalid.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no invalid message within " + timeout);
        }
        return e;
    }
}
