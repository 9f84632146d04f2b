package dev.jmcp.core.protocol.capabilities;

import tools.jackson.databind.JsonNode;

/**
 * The {@code tasks} capability of either side (2025-11-25). Each member is an object whose presence means
 * support; {@code requests} lists the task-augmentable requests, e.g. {@code {"tools": {"call": {}}}}.
 *
 * @param list presence means {@code tasks/list} is supported, null when absent
 * @param cancel presence means {@code tasks/cancel} is supported, null when absent
 * @param requests the task-augmentable requests, kept as JSON, null when absent
 */
public record TasksCapability(JsonNode list, JsonNode cancel, JsonNode requests) {
    /**
     * Whether {@code requests} declares the method, e.g. {@code supportsRequest("tools", "call")} or
     * {@code supportsRequest("sampling", "createMessage")}.
     */
    public boolean supportsRequest(String area, String method) {
        return requests != null && requests.path(area).has(method);
    }
}
