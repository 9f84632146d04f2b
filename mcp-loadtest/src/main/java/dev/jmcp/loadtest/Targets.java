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
 * first {@link TargetFactory} / {@link Discovery} on the class path ({@link ServiceLoader}) that supports it.
 */
public final class Targets {
    private Targets() {}

    /** Creates the target for a spec. */
    public static Target create(TargetSpec spec) {
        if (isSimulated(spec)) {
            return SimulatedTarget.fromUri(spec.url());
        }
        for (TargetFactory f : ServiceLoader.load(TargetFactory.class, Targets.class.getClassLoader())) {
            if (f.supports(spec)) {
                return f.create(spec);
            }
        }
        throw new IllegalStateException("no MCP target binding on the class path supports " + spec.describe()
                + " (expected a dev.jmcp.loadtest.target.TargetFactory service)");
    }

    /** The discovery for a spec. */
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
        throw new IllegalStateException("no MCP discovery binding on the class path supports " + spec.describe()
                + " (expected a dev.jmcp.loadtest.target.Discovery service)");
    }

    private static boolean isSimulated(TargetSpec spec) {
        return !spec.isStdio() && spec.url().startsWith("sim:");
    }
}
