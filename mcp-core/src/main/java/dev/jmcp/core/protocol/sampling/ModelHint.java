package dev.jmcp.core.protocol.sampling;

/**
 * A model-name hint, matched as a substring.
 *
 * @param name the hint, null when absent
 */
public record ModelHint(String name) {
    /**
     * A hint with the given name.
     *
     * @param name a model name or a part of one, such as {@code sonnet}; the client may map it to a model of another
     *     provider
     * @return a hint with the given name
     */
    public static ModelHint of(String name) {
        return new ModelHint(name);
    }
}
