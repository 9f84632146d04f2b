package dev.jmcp.client;

/** Told when the server's tool, prompt or resource list changed. */
@FunctionalInterface
public interface ListChangedListener {
    /**
     * The list of the given kind changed.
     *
     * @param kind the kind
     */
    void onListChanged(ListKind kind);
}
