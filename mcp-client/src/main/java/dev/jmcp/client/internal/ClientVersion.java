package dev.jmcp.client.internal;

/** The version of this client library, as its jar's manifest tells ({@code Implementation-Version}). */
public final class ClientVersion {
    /** The version when the classes do not come from a jar with a manifest version (an IDE, a build tree). */
    public static final String FALLBACK = "dev";

    private ClientVersion() {}

    /** The jar's {@code Implementation-Version}, else {@value #FALLBACK}. */
    public static String current() {
        Package p = ClientVersion.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK : v;
    }
}
