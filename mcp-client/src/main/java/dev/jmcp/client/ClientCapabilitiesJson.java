package dev.jmcp.client;

import dev.jmcp.core.McpJson;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The client capabilities the builder's handlers imply, in each era's shape. */
final class ClientCapabilitiesJson {
    private ClientCapabilitiesJson() {}

    /** For {@code initialize}: roots with {@code listChanged}, and {@code tasks} (2025-11-25) when offered. */
    static JsonNode handshake(McpClientBuilder b) {
        ObjectNode caps = common(b);
        if (b.roots != null) {
            caps.putObject("roots").put("listChanged", true);
        }
        if (b.tasks != null) {
            ObjectNode tasks = caps.putObject("tasks");
            if (b.tasks.list()) {
                tasks.putObject("list");
            }
            if (b.tasks.cancel()) {
                tasks.putObject("cancel");
            }
            ObjectNode requests = tasks.putObject("requests");
            if (b.tasks.sampling()) {
                requests.putObject("sampling").putObject("createMessage");
            }
            if (b.tasks.elicitation()) {
                requests.putObject("elicitation").putObject("create");
            }
        }
        return caps;
    }

    /**
     * For the 2026-07-28 {@code _meta}: roots is a bare object; no {@code tasks} (core tasks are gone, and the
     * server sends no requests in that era).
     */
    static JsonNode stateless(McpClientBuilder b) {
        ObjectNode caps = common(b);
        if (b.roots != null) {
            caps.putObject("roots");
        }
        return caps;
    }

    private static ObjectNode common(McpClientBuilder b) {
        ObjectNode caps = McpJson.object();
        if (!b.experimental.isEmpty()) {
            ObjectNode exp = caps.putObject("experimental");
            for (Map.Entry<String, JsonNode> e : b.experimental.entrySet()) {
                exp.set(e.getKey(), e.getValue());
            }
        }
        if (b.sampling != null) {
            ObjectNode sampling = caps.putObject("sampling");
            if (b.samplingTools) {
                sampling.putObject("tools");
            }
        }
        if (b.elicitation != null) {
            ObjectNode elicitation = caps.putObject("elicitation");
            if (b.elicitationForm) {
                elicitation.putObject("form");
            }
            if (b.elicitationUrl) {
                elicitation.putObject("url");
            }
        }
        if (!b.extensions.isEmpty()) {
            ObjectNode ext = caps.putObject("extensions");
            for (Map.Entry<String, JsonNode> e : b.extensions.entrySet()) {
                ext.set(e.getKey(), e.getValue());
            }
        }
        return caps;
    }
}
