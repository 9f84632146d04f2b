package dev.jmcp.client.internal;

import java.lang.module.ModuleDescriptor;

/**
 * The version of this client library: the jar manifest's {@code Implementation-Version} on the class path, the
 * module descriptor's version on the module path.
 */
public final class ClientVersion {
    /** The version when the classes do not come from a jar with a manifest version (an IDE, a build tree). */
    public static final String FALLBACK = "dev";

    private ClientVersion() {}

    /** The jar's {@code Implementation-Version}, else the module's version, else {@value #FALLBACK}. */
    public static String current() {
        Package p = ClientVersion.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v == null || v.isBlank()) {
            ModuleDescriptor descriptor = ClientVersion.class.getModule().getDescriptor();
            v = descriptor == null ? null : descriptor.rawVersion().orElse(null);
        }
        return v == null || v.isBlank() ? FALLBACK : v;
    }
}
