package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code initialize}, {@code ping}, {@code server/discover} and {@code logging/setLevel}. */
final class Lifecycle {
    private Lifecycle() {}

    static void register(ServerCore core) {
        Router r = core.router();
        r.register(McpMethods.INITIALIZE, call -> initialize(core, call));
        r.register(McpMethods.PING, call -> McpJson.object());
        r.register(McpMethods.SERVER_DISCOVER, call -> discover(core));
        r.register(McpMethods.LOGGING_SET_LEVEL, Lifecycle::setLevel);
    }

    private static JsonNode initialize(ServerCore core, Call call) {
        ServerSessionImpl session = call.session();
        if (session.isStatelessMode()) {
            // a stateless exchange answers initialize for clients that insist, without keeping state
        } else if (session.isInitialized()) {
            throw Errors.invalidRequest("initialize was already received on this session");
        }
        JsonNode params = call.params();
        JsonNode requested = params.get("protocolVersion");
        if (requested == null || !requested.isString()) {
            throw Errors.invalidParams("missing required parameter 'protocolVersion'");
        }
        JsonNode caps = params.get("capabilities");
        if (caps != null && !caps.isObject()) {
            throw Errors.invalidParams("'capabilities' must be an object");
        }
        ProtocolVersion version = ProtocolVersion.negotiateHandshake(requested.asString());
        if (!session.isStatelessMode()) {
            session.markInitialized(version, caps, params.get("clientInfo"));
        }
        ObjectNode result = McpJson.object();
        result.put("protocolVersion", version.id());
        result.set("capabilities", Definitions.capabilities(core.capabilities(), version));
        result.set("serverInfo", Definitions.implementation((ObjectNode) core.serverInfo(), version));
        if (core.config().instructions() != null) {
            result.put("instructions", core.config().instructions());
        }
        return result;
    }

    private static JsonNode discover(ServerCore core) {
        ObjectNode result = McpJson.object();
        ArrayNode versions = result.putArray("supportedVersions");
        for (String id : ProtocolVersion.allIds()) {
            versions.add(id);
        }
        ObjectNode caps = core.capabilities();
        if (caps.remove("tasks") != null) {
            caps.putObject("extensions").putObject(Tasks.EXTENSION);
        }
        result.set("capabilities", caps);
        result.set("serverInfo", core.serverInfo());
        if (core.config().instructions() != null) {
            result.put("instructions", core.config().instructions());
        }
        result.put("ttlMs", core.config().listTtlMs());
        result.put("cacheScope", core.config().cacheScope());
        return result;
    }

    private static JsonNode setLevel(Call call) {
        String level = call.requiredString("level");
        if (!Levels.isValid(level)) {
            throw Errors.invalidParams("unknown log level: " + level);
        }
        call.session().setLogLevel(level);
        return McpJson.object();
    }
}
