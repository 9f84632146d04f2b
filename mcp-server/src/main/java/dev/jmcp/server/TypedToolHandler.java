package dev.jmcp.server;

/**
 * A tool handler that takes a Java record bound from the validated arguments and returns a value: a record (sent as
 * {@code structuredContent} plus a text mirror), a {@link String} (sent as text), or a
 * {@link dev.jmcp.core.protocol.tools.CallToolResult} (sent as is).
 *
 * @param <I> the input record
 * @param <O> the output type
 */
@FunctionalInterface
public interface TypedToolHandler<I, O> {
    /**
     * Runs the tool. An exception becomes an {@code isError} result.
     *
     * @param input the input
     * @param ctx the context
     * @return the tool's output, serialized as its structured content
     * @throws Exception any failure; it becomes a result with {@code isError: true} carrying its message
     */
    O handle(I input, RequestContext ctx) throws Exception;
}
