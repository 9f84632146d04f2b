package dev.jmcp.loadtest.target;

/**
 * Creates targets from a spec. Implementations are found with {@link java.util.ServiceLoader}; the first one
 * that {@link #supports} a spec is used.
 */
public interface TargetFactory {
    /**
     * Whether this factory can reach the spec (for example: an {@code http(s)} URL or a stdio command).
     *
     * @param spec the spec
     * @return whether this factory can reach the spec (for example: an {@code http(s)} URL or a stdio command)
     */
    boolean supports(TargetSpec spec);

    /**
     * Creates the target; nothing is connected until a session is opened.
     *
     * @param spec the spec
     * @return the new target
     */
    Target create(TargetSpec spec);
}
