package dev.jmcp.core.jsonrpc;

/**
 * Limits the codec enforces on every inbound message. A message over a limit is refused with {@code -32600}
 * (Invalid Request).
 *
 * @param maxMessageBytes the largest message (or batch) accepted, in bytes of UTF-8
 * @param maxNestingDepth the deepest nesting of arrays and objects accepted
 * @param maxBatchSize the most messages one JSON-RPC batch may hold
 */
public record CodecLimits(int maxMessageBytes, int maxNestingDepth, int maxBatchSize) {
    /** 4 MiB per message. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    /** 128 levels of nesting. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 128;
    /** 100 messages per batch. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 100;
    /** The defaults: 4 MiB, 128 levels, 100 messages per batch. */
    public static final CodecLimits DEFAULTS =
            new CodecLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_BATCH_SIZE);

    /**
     * Checks that every limit is positive.
     *
     * @param maxMessageBytes the largest message (or batch) accepted, in bytes of UTF-8
     * @param maxNestingDepth the deepest nesting of arrays and objects accepted
     * @param maxBatchSize the most messages one JSON-RPC batch may hold
     */
    public CodecLimits {
        if (maxMessageBytes <= 0 || maxNestingDepth <= 0 || maxBatchSize <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Size and depth limits with the default batch size ({@value #DEFAULT_MAX_BATCH_SIZE}).
     *
     * @param maxMessageBytes the largest message (or batch) accepted, in bytes of UTF-8
     * @param maxNestingDepth the deepest nesting of arrays and objects accepted
     */
    public CodecLimits(int maxMessageBytes, int maxNestingDepth) {
        this(maxMessageBytes, maxNestingDepth, DEFAULT_MAX_BATCH_SIZE);
    }

    /**
     * These limits with another maximum batch size.
     *
     * @param maxBatchSize the most messages one JSON-RPC batch may hold
     * @return new limits with the same message size and nesting depth and the given batch size
     */
    public CodecLimits withMaxBatchSize(int maxBatchSize) {
        return new CodecLimits(maxMessageBytes, maxNestingDepth, maxBatchSize);
    }
}
