package dev.jmcp.transport.http.servlet;

/**
 * Whether the servlet validates the {@code Host} header against DNS rebinding. The {@code Origin} header is
 * checked in every mode: it must be same-origin (scheme, host and port) or on the allowed-origins list.
 *
 * <p>Validation applies whatever interface the container bound (loopback, one address, or all interfaces): without
 * an allowed-hosts list only {@code localhost}, loopback addresses and the machine's own addresses are accepted.
 */
public enum DnsRebindingProtection {
    /**
     * Same as {@link #ON}: the Host header is validated on every bind. (It used to mean "only for requests that
     * arrived on a loopback address", which left servlet containers binding all interfaces open to rebinding.)
     *
     * @deprecated use {@link #ON}
     */
    @Deprecated
    LOOPBACK,
    /** Validate the Host header on every request (the default). */
    ON,
    /**
     * Never validate the Host header. Only for deployments behind a proxy that validates Host itself; Origins are
     * still checked.
     */
    OFF
}
