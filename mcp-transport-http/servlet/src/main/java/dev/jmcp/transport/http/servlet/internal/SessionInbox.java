package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session's server transport tells its session, one call at a time (a stateless exchange tells its listener
 * directly, see {@link StatelessExchange}): inbound messages, requests the client withdrew
 * by closing their stream, and the close (once, after the registry's close hook).
 */
final class SessionInbox {
    private static final Logger LOG = LoggerFactory.getLogger(SessionInbox.class);

    private final String sessionId;
    private final Object deliveryLock = new Object();
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private volatile TransportListener listener;
    private volatile Runnable onClosed = () -> {};

    /** @param sessionId for logs */
    SessionInbox(String sessionId) {
        this.sessionId = sessionId;
    }

    void start(TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
    }

    void onClosed(Runnable hook) {
        this.onClosed = hook;
    }

    void deliver(List<JsonRpcMessage> messages, InboundContext context) {
        TransportListener l = listener;
        if (l == null) {
            LOG.warn("HTTP session {} received a message before it was started", sessionId);
            return;
        }
        // the handlers these messages start are handed to their pool after the lock is released: on JDK 17 that
        // hand-off wakes a parked thread (a system call), which under the lock made every connection wait for it
        boolean deferring = HandlerExecutors.beginDeferredHandOffs();
        try {
            synchronized (deliveryLock) {
                deliverEach(l, messages, context);
            }
        } finally {
            if (deferring) {
                HandlerExecutors.endDeferredHandOffs();
            }
        }
    }

    private static void deliverEach(TransportListener l, List<JsonRpcMessage> messages, InboundContext context) {
        for (JsonRpcMessage m : messages) {
            try {
                l.onMessage(m, context);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on inbound message", e);
            }
        }
    }

    void cancelled(List<RequestId> ids, String reason) {
        TransportListener l = listener;
        if (l == null) {
            return;
        }
        synchronized (deliveryLock) {
            cancelEach(l, ids, reason);
        }
    }

    private static void cancelEach(TransportListener l, List<RequestId> ids, String reason) {
        for (RequestId id : ids) {
            try {
                l.onRequestCancelled(id, reason);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on a cancelled request", e);
            }
        }
    }

    void closed() {
        if (!closeNotified.compareAndSet(false, true)) {
            return;
        }
        try {
            onClosed.run();
        } catch (RuntimeException e) {
            LOG.debug("close hook failed", e);
        }
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }
}
