package dev.jmcp.loadtest;

import dev.jmcp.loadtest.target.Discovery;
import dev.jmcp.loadtest.target.SimulatedTarget;
import dev.jmcp.loadtest.target.Target;
import dev.jmcp.loadtest.target.TargetFactory;
import dev.jmcp.loadtest.target.TargetSpec;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the binding for a target spec: {@code sim:} URLs are {@link SimulatedTarget}s; anything else goes to the
 * first {@link TargetFactory} / {@link Discovery} on the class path ({@link ServiceLoader}) that supports it, and
 * failing that to the class {@value #MCP_TARGET_CLASS} if present: a {@code Target} with a public constructor
 * {@code (TargetSpec)} and a public static {@code Discovery.Discovered discover(TargetSpec, Duration)}.
 */
public final class Targets {
    /** The MCP binding looked up by name when no service is registered. */
    public static final String MCP_TARGET_CLASS = "dev.jmcp.loadtest.target.McpTarget";

    private Targets() {}

    private static Class<?> mcpTargetClass() {
        try {
            return Class.forName(MCP_TARGET_CLASS, true, Targets.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Creates the target for a spec.
     *
     * @param spec the spec
     * @return the new target
     */
    public static Target create(TargetSpec spec) {
        if (isSimulated(spec)) {
            return SimulatedTarget.fromUri(spec.url());
        }
        for (TargetFactory f : ServiceLoader.load(TargetFactory.class, Targets.class.getClassLoader())) {
            if (f.supports(spec)) {
                return f.create(spec);
            }
        }
        Class<?> mcp = mcpTargetClass();
        if (mcp != null) {
            try {
                return (Target) mcp.getConstructor(TargetSpec.class).newInstance(spec);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(MCP_TARGET_CLASS + " needs a public (TargetSpec) constructor", e);
            }
        }
        throw new IllegalStateException("no MCP target binding on the class path supports " + spec.describe()
                + " (expected a dev.jmcp.loadtest.target.TargetFactory service)");
    }

    /**
     * The discovery for a spec.
     *
     * @param spec the spec
     * @return the discovery for a spec
     */
    public static Discovery discovery(TargetSpec spec) {
        if (isSimulated(spec)) {
            return new Discovery() {
                @Override
                public boolean supports(TargetSpec s) {
                    return isSimulated(s);
                }

                @Override
                public Discovered discover(TargetSpec s, Duration timeout) {
                    return new Discovered(
                            "simulated",
                            List.of(new Tool("echo", null)),
                            List.of("sim://r/1"),
                            List.of(new Prompt("greet", List.of())));
                }
            };
        }
        for (Discovery d : ServiceLoader.load(Discovery.class, Targets.class.getClassLoader())) {
            if (d.supports(spec)) {
                return d;
            }
        }
        Class<?> mcp = mcpTargetClass();
        if (mcp != null) {
            try {
                java.lang.reflect.Method m = mcp.getMethod("discover", TargetSpec.class, Duration.class);
                return new Discovery() {
                    @Override
                    public boolean supports(TargetSpec s) {
                        return true;
                    }

                    @Override
                    public Discovered discover(TargetSpec s, Duration timeout) throws Exception {
                        try {
                            return (Discovered) m.invoke(null, s, timeout);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                        }
                    }
                };
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(
                        MCP_TARGET_CLASS + " needs a public static discover(TargetSpec, Duration) method", e);
            }
        }
        throw new IllegalStateException("no MCP discovery binding on the class path supports " + spec.describe()
                + " (expected a dev.jmcp.loadtest.target.Discovery service)");
    }

    private static boolean isSimulated(TargetSpec spec) {
        return !spec.isStdio() && spec.url().startsWith("sim:");
    }
}
