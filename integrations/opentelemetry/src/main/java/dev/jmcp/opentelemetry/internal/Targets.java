package dev.jmcp.opentelemetry.internal;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The target of an MCP request (tool name, prompt name or resource URI), read from its params, and the span name
 * and attributes it gives: {@code {mcp.method.name} {target}} for tools and prompts; resource URIs stay out of the
 * name (cardinality).
 *
 * @param method the JSON-RPC method
 * @param tool the tool name of a {@code tools/call}, or null
 * @param prompt the prompt name of a {@code prompts/get}, or null
 * @param resourceUri the URI of a {@code resources/*} request, or null
 */
public record Targets(String method, String tool, String prompt, String resourceUri) {

    /** The target of a request with {@code params} (null or not an object: none). */
    public static Targets of(String method, JsonNode params) {
        String tool = null;
        String prompt = null;
        String uri = null;
        switch (method) {
            case "tools/call" -> tool = text(params, "name");
            case "prompts/get" -> prompt = text(params, "name");
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> uri = text(params, "uri");
            default -> {}
        }
        return new Targets(method, tool, prompt, uri);
    }

    private static String text(JsonNode params, String field) {
        JsonNode value = params == null ? null : params.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** Whether this is a {@code tools/call}. */
    public boolean isToolCall() {
        return "tools/call".equals(method);
    }

    /** {@code {mcp.method.name} {target}}, or the method alone when there is no tool or prompt. */
    public String spanName() {
        String target = tool != null ? tool : prompt;
        return target == null ? method : method + " " + target;
    }

    /** Adds the method, tool, prompt and (spans only) resource attributes to a span. */
    public void addTo(SpanBuilder span) {
        span.setAttribute(Semconv.MCP_METHOD_NAME, method);
        if (tool != null) {
            span.setAttribute(Semconv.GEN_AI_TOOL_NAME, tool);
            span.setAttribute(Semconv.GEN_AI_OPERATION_NAME, Semconv.EXECUTE_TOOL);
        }
        if (prompt != null) {
            span.setAttribute(Semconv.GEN_AI_PROMPT_NAME, prompt);
        }
        if (resourceUri != null) {
            span.setAttribute(Semconv.MCP_RESOURCE_URI, resourceUri);
        }
    }

    /** Adds the low-cardinality attributes (method, tool, prompt) to metric attributes. */
    public void addTo(AttributesBuilder metric) {
        metric.put(Semconv.MCP_METHOD_NAME, method);
        if (tool != null) {
            metric.put(Semconv.GEN_AI_TOOL_NAME, tool);
            metric.put(Semconv.GEN_AI_OPERATION_NAME, Semconv.EXECUTE_TOOL);
        }
        if (prompt != null) {
            metric.put(Semconv.GEN_AI_PROMPT_NAME, prompt);
        }
    }
}
