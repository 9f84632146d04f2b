package dev.jmcp.core.jsonrpc;

/**
 * Limits the codec enforces on every inbound message.
 *
 * @param maxMessageBytes the largest message accepted, in bytes of UTF-8
 * @param maxNestingDepth the deepest nesting of arrays and objects accepted
 */
public record CodecLimits(int maxMessageBytes, int maxNestingDepth) {
    /** 4 MiB per message. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    /** 128 levels of nesting. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 128;
    /** The defaults: 4 MiB and 128 levels. */
    public static final CodecLimits DEFAULTS = new CodecLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_NESTING_DEPTH);

    /** Checks that both limits are positive. */
    public CodecLimits {
        if (maxMessageBytes <= 0 || maxNestingDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
