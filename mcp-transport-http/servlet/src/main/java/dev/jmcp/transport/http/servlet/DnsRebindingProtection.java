package dev.jmcp.transport.http.servlet;

/** When the servlet validates the {@code Host} header (and loopback {@code Origin}s) against DNS rebinding. */
public enum DnsRebindingProtection {
    /** Validate when the request arrived on a loopback address (the default). */
    LOOPBACK,
    /** Always validate. */
    ON,
    /** Never validate the Host header; Origins are still checked against the allow-list or same-origin. */
    OFF
}
