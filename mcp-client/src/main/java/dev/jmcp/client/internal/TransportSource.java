package dev.jmcp.client.internal;

import dev.jmcp.core.transport.Transport;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Where each connection of a client gets its transport. A {@link Transport} is started once, so a client built with
 * one transport instance connects once; a client built with a factory gets a fresh transport for every
 * {@code connect()}, which is how it reconnects after the peer went away (a stdio server process that exited).
 */
public abstract sealed class TransportSource {
    private TransportSource() {}

    /** The one transport a client may connect with once. */
    public static TransportSource of(Transport transport) {
        return new Single(Objects.requireNonNull(transport, "transport"));
    }

    /** A factory asked for a new transport on every connect. */
    public static TransportSource from(Supplier<? extends Transport> factory) {
        return new Factory(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * The transport for the next connection.
     *
     * @throws IllegalStateException when the single transport was already used, or the factory returned null
     */
    abstract Transport next();

    /** Closes a transport that was never handed out (the client closed before connecting). */
    abstract void closeUnused();

    private static final class Single extends TransportSource {
        private final Transport transport;
        private final AtomicBoolean used = new AtomicBoolean();

        Single(Transport transport) {
            this.transport = transport;
        }

        @Override
        Transport next() {
            if (!used.compareAndSet(false, true)) {
                throw new IllegalStateException("this client was built with one Transport instance, which can be"
                        + " started only once; build it with transport(Supplier) to connect again");
            }
            return transport;
        }

        @Override
        void closeUnused() {
            if (used.compareAndSet(false, true)) {
                transport.close();
            }
        }
    }

    private static final class Factory extends TransportSource {
        private final Supplier<? extends Transport> factory;

        Factory(Supplier<? extends Transport> factory) {
            this.factory = factory;
        }

        @Override
        Transport next() {
            Transport t = factory.get();
            if (t == null) {
                throw new IllegalStateException("the transport factory returned null");
            }
            return t;
        }

        @Override
        void closeUnused() {
            // nothing was created
        }
    }
}
