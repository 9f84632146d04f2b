package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarioSettings.Trigger;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the TOML sections of the MCP-deep scenarios that run next to the load: {@code [subscribe]}, {@code
 * [idle_streams]}, {@code [resumption]}, {@code [idle_expiry]} (see {@link McpScenarioSettings}).
 */
public final class McpScenarioSection {
    private final ConfigFields fields;

    /**
     * Reads with {@code fields}, which name the file in errors.
     *
     * @param fields the file's field reader
     */
    public McpScenarioSection(ConfigFields fields) {
        this.fields = fields;
    }

    /**
     * The sections of the file's root table.
     *
     * @param root the root table
     * @return the settings ({@link McpScenarioSettings#NONE} when none is present)
     */
    public McpScenarioSettings read(JsonNode root) {
        McpScenarioSettings.SubscribeFanOut subscribe = null;
        McpScenarioSettings.IdleStreams idleStreams = null;
        McpScenarioSettings.Resumption resumption = null;
        McpScenarioSettings.IdleExpiry idleExpiry = null;
        if (root.has("subscribe")) {
            JsonNode t = fields.table(root, "subscribe");
            fields.unknown(t, "subscribe", Set.of("sessions", "uri", "trigger", "interval"));
            subscribe = new McpScenarioSettings.SubscribeFanOut(
                    sessions(t, "subscribe", 10),
                    required(t, "subscribe", "uri"),
                    trigger(t, "subscribe"),
                    duration(t, "subscribe", "interval", Duration.ofSeconds(1)));
        }
        if (root.has("idle_streams")) {
            JsonNode t = fields.table(root, "idle_streams");
            fields.unknown(t, "idle_streams", Set.of("sessions"));
            idleStreams = new McpScenarioSettings.IdleStreams(sessions(t, "idle_streams", 100));
        }
        if (root.has("resumption")) {
            JsonNode t = fields.table(root, "resumption");
            fields.unknown(t, "resumption", Set.of("sessions", "uri", "trigger", "interval", "drop_every"));
            resumption = new McpScenarioSettings.Resumption(
                    sessions(t, "resumption", 4),
                    required(t, "resumption", "uri"),
                    trigger(t, "resumption"),
                    duration(t, "resumption", "interval", Duration.ofMillis(200)),
                    duration(t, "resumption", "drop_every", Duration.ofSeconds(1)));
        }
        if (root.has("idle_expiry")) {
            JsonNode t = fields.table(root, "idle_expiry");
            fields.unknown(t, "idle_expiry", Set.of("sessions", "idle", "tool", "arguments"));
            if (!t.has("idle")) {
                throw fields.error("idle_expiry.idle", "required (set it past the server's session idle timeout)");
            }
            JsonNode args = t.get("arguments");
            if (args != null && !args.isObject()) {
                throw fields.error("idle_expiry.arguments", "expected a table of arguments");
            }
            idleExpiry = new McpScenarioSettings.IdleExpiry(
                    sessions(t, "idle_expiry", 4),
                    fields.duration(t, "idle_expiry", "idle"),
                    t.has("tool") ? fields.string(t, "idle_expiry", "tool") : null,
                    args);
        }
        return new McpScenarioSettings(subscribe, idleStreams, resumption, idleExpiry);
    }

    private int sessions(JsonNode t, String path, int fallback) {
        return t.has("sessions") ? fields.positiveInt(t, path, "sessions") : fallback;
    }

    private String required(JsonNode t, String path, String key) {
        if (!t.has(key)) {
            throw fields.error(path + "." + key, "required");
        }
        return fields.string(t, path, key);
    }

    private Duration duration(JsonNode t, String path, String key, Duration fallback) {
        return t.has(key) ? fields.duration(t, path, key) : fallback;
    }

    /** {@code trigger = { tool = "bump", arguments = {...} }} or {@code { method = "...", params = {...} }}. */
    private Trigger trigger(JsonNode t, String path) {
        String p = path + ".trigger";
        if (!t.has("trigger") || !t.get("trigger").isObject()) {
            throw fields.error(
                    p, "required: { tool = \"NAME\", arguments = { ... } } or { method = \"M\", params = { ... } }");
        }
        JsonNode tr = t.get("trigger");
        fields.unknown(tr, p, Set.of("tool", "arguments", "method", "params"));
        if (tr.has("tool") == tr.has("method")) {
            throw fields.error(p, "names either a tool or a method");
        }
        for (String k : new String[] {"arguments", "params"}) {
            if (tr.has(k) && !tr.get(k).isObject()) {
                throw fields.error(p + "." + k, "expected a table");
            }
        }
        return tr.has("tool")
                ? Trigger.tool(fields.string(tr, p, "tool"), tr.get("arguments"))
                : new Trigger(null, null, fields.string(tr, p, "method"), tr.get("params"));
    }
}
