package dev.jmcp.server;

/**
 * When a server declares an extension in its capabilities ({@code capabilities.extensions}, in the
 * {@code initialize} result and in {@code server/discover}). An extension that is not declared to a client does
 * not exist for it: its methods answer {@code -32601} (method not found).
 */
public enum ExtensionDeclaration {
    /** Always declared, to every client. */
    ALWAYS,
    /**
     * Declared only to a client that declared the extension itself: at {@code initialize} in the handshake era, in
     * the request's {@code _meta} client capabilities in the 2026-07-28 era. A client that does not gets core
     * protocol behaviour (SEP-2133, graceful degradation).
     */
    WHEN_CLIENT_DECLARES
}
