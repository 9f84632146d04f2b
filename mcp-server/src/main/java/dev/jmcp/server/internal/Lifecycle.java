package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.EmptyResult;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.lifecycle.DiscoverResult;
import dev.jmcp.core.protocol.lifecycle.InitializeResult;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code initialize}, {@code ping}, {@code server/discover} and {@code logging/setLevel}. */
final class Lifecycle {
    /** The revisions {@code server/discover} lists: those a request's {@code _meta} may declare. */
    static final List<String> STATELESS_IDS = Arrays.stream(ProtocolVersion.values())
            .filter(ProtocolVersion::isStateless)
            .map(ProtocolVersion::id)
            .toList();

    private Lifecycle() {}

    static void register(ServerCore core) {
        Router r = core.router();
        r.register(McpMethods.INITIALIZE, call -> initialize(core, call));
        r.register(McpMethods.PING, call -> McpJson.toTree(EmptyResult.empty()));
        r.register(McpMethods.SERVER_DISCOVER, call -> discover(core, call));
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
        ServerCapabilities capabilities = core.capabilities(version, session);
        if (!session.isStatelessMode()) {
            session.owner(SharedSessions.ownerOf(call.auth()));
            session.markInitialized(version, caps, params.get("clientInfo"), capabilities);
        }
        InitializeResult result = InitializeResult.builder(
                        version.id(), capabilities, serverInfo(core.serverInfo(), version))
                .instructions(core.config().instructions())
                .build();
        return McpJson.toTree(result);
    }

    /** The server info a revision defines: titles from 2025-06-18, icons, description and website from 2025-11-25. */
    static Implementation serverInfo(Implementation info, ProtocolVersion v) {
        Implementation.Builder b = Implementation.builder(info.name(), info.version());
        if (v.hasTitles()) {
            b.title(info.title());
        }
        if (v.hasIcons()) {
            b.description(info.description()).icons(info.icons()).websiteUrl(info.websiteUrl());
        }
        return b.build();
    }

    private static JsonNode discover(ServerCore core, Call call) {
        // only the revisions a request's _meta may declare (a handshake revision there is refused with -32022);
        // the server's identity travels in the result's _meta, the 2026-07-28 DiscoverResult has no serverInfo
        DiscoverResult result = DiscoverResult.builder(STATELESS_IDS, core.capabilities(call.version(), call.session()))
                .instructions(core.config().instructions())
                .ttlMs(core.config().listTtlMs())
                .cacheScope(core.config().cacheScope())
                .build();
        return McpJson.toTree(result);
    }

    private static JsonNode setLevel(Call call) {
        String level = call.requiredString("level");
        if (!Levels.isValid(level)) {
            throw Errors.invalidParams("unknown log level: " + level);
        }
        call.session().setLogLevel(level);
        return McpJson.toTree(EmptyResult.empty());
    }
}
