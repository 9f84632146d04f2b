package dev.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Tools whose input is a Java record: the input schema is generated from the record by {@link JsonSchemas}
 * (component names and types, required unless {@code Optional} or annotated {@code @Nullable}, enums, nested
 * records, lists, maps, {@code java.time}, {@link Description} texts, Jakarta Validation constraints) and the validated arguments are bound to it. A record output becomes
 * {@code structuredContent} with a generated {@code outputSchema} (without {@code $schema}).
 *
 * <pre>{@code
 * record Add(@Description("first term") int a, int b, Optional<String> note) {}
 * record Sum(int value) {}
 *
 * McpServer server = McpServer.builder()
 *         .tool(TypedTools.of("add", "Adds two integers", Add.class, Sum.class,
 *                 (in, ctx) -> new Sum(in.a() + in.b())))
 *         .build();
 * }</pre>
 */
public final class TypedTools {
    private TypedTools() {}

    /**
     * A typed tool; {@code output} may be a record, {@code String.class} or {@code CallToolResult.class}.
     *
     * @param name the tool's name
     * @param description the tool's description, for the model
     * @param input the record the arguments bind to; its input schema is derived from it
     * @param output the output type: a record (its output schema is derived from it), {@code String.class} or
     *     {@code CallToolResult.class}
     * @param handler runs the tool with the bound arguments
     * @param <I> the record the tool's arguments bind to (its input schema)
     * @param <O> the handler's output type (its output schema when a record)
     * @return a typed tool; {@code output} may be a record, {@code String.class} or {@code CallToolResult.class}
     */
    public static <I extends Record, O> ServerTool of(
            String name, String description, Class<I> input, Class<O> output, TypedToolHandler<I, O> handler) {
        return of(name, description, input, output, handler, UnaryOperator.identity());
    }

    /**
     * A typed tool whose definition is further shaped by {@code customizer} (title, annotations, icons,
     * execution...).
     *
     * @param name the tool's name
     * @param description the description
     * @param input the input
     * @param output the output
     * @param handler the handler
     * @param customizer adjusts the derived tool definition
     * @param <I> the record the tool's arguments bind to (its input schema)
     * @param <O> the handler's output type (its output schema when a record)
     * @return a typed tool whose definition is further shaped by {@code customizer} (title, annotations, icons,
     *     execution...)
     */
    public static <I extends Record, O> ServerTool of(
            String name,
            String description,
            Class<I> input,
            Class<O> output,
            TypedToolHandler<I, O> handler,
            UnaryOperator<Tool.Builder> customizer) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(handler, "handler");
        Tool.Builder b = Tool.builder(name, JsonSchemas.objectSchemaOf(input)).description(description);
        boolean structured = output.isRecord();
        if (structured) {
            b.outputSchema(JsonSchemas.objectSchemaOf(output));
        }
        Tool tool = customizer.apply(b).build();
        ToolHandler h = (request, ctx) -> {
            I in = McpJson.fromTree(request.arguments(), input);
            O out = handler.handle(in, ctx);
            if (out instanceof CallToolResult r) {
                return r;
            }
            if (out == null) {
                return CallToolResult.text("");
            }
            if (structured) {
                JsonNode tree = McpJson.toTree(out);
                return CallToolResult.builder().structuredContent(tree).build();
            }
            return CallToolResult.text(out instanceof String s ? s : McpJson.write(out));
        };
        return new ServerTool(tool, h);
    }
}
