package dev.jmcp.client.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.lifecycle.DiscoverRequest;
import dev.jmcp.core.protocol.lifecycle.InitializeRequest;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Picks the era per the specification's dual-era rules. By default: {@code server/discover} first; if the server
 * lists 2026-07-28, every later request is stateless; if it does not, or discovery fails (-32601, any other
 * JSON-RPC error, an HTTP 4xx, no answer in time), the {@code initialize} handshake with the newest handshake
 * revision. A pinned handshake revision skips discovery; a pinned 2026-07-28 never falls back.
 */
final class Negotiation {
    private static final Logger LOG = LoggerFactory.getLogger(Negotiation.class);

    private final ClientConfig config;
    private final McpSession session;
    private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();

    Negotiation(ClientConfig config, McpSession session) {
        this.config = config;
        this.session = session;
    }

    CompletableFuture<ServerState> run() {
        ProtocolVersion pinned = config.pinnedVersion();
        if (pinned != null && pinned.isHandshakeEra()) {
            return initialize(pinned);
        }
        return discover(pinned != null, true)
                .thenCompose(s -> s != null
                        ? CompletableFuture.completedFuture(s)
                        : initialize(ProtocolVersion.LATEST_HANDSHAKE));
    }

    void cancel() {
        CompletableFuture<?> f = inFlight.get();
        if (f != null) {
            f.cancel(true);
        }
    }

    /** Completes with the stateless state, or with null to fall back to the handshake. */
    private CompletableFuture<ServerState> discover(boolean pinnedStateless, boolean mayRetry) {
        session.setProtocolVersion(ProtocolVersion.V2026_07_28);
        JsonNode params =
                McpJson.toTree(DiscoverRequest.of(StatelessMeta.of(config, null).toMeta()));
        CompletableFuture<JsonNode> request = session.request(
                McpMethods.SERVER_DISCOVER,
                params,
                RequestEnvelopes.handOver(
                        RequestOptions.builder()
                                .timeout(config.discoveryTimeout())
                                .build(),
                        RequestEnvelopes.ofMethod(McpMethods.SERVER_DISCOVER, ProtocolVersion.V2026_07_28)));
        inFlight.set(request);
        CompletableFuture<CompletableFuture<ServerState>> handled = request.handle((result, err) -> {
            if (err != null && mayRetry && session.isOpen() && offersStateless(ClientRuntime.unwrap(err))) {
                // -32022 whose data lists 2026-07-28 (e.g. a rejected header): retry once with that version.
                LOG.debug("server/discover rejected the version but supports 2026-07-28; retrying once");
                return discover(pinnedStateless, false);
            }
            return CompletableFuture.completedFuture(discovered(pinnedStateless, result, err));
        });
        return handled.thenCompose(f -> f);
    }

    private static boolean offersStateless(McpException e) {
        if (!(e instanceof dev.jmcp.core.McpRpcException)
                || ((dev.jmcp.core.McpRpcException) e).code()
                        != dev.jmcp.core.ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION) {
            return false;
        }
        JsonNode data = ((dev.jmcp.core.McpRpcException) e).error().data();
        if (data == null) {
            return false;
        }
        for (JsonNode v : data.path("supported")) {
            if (ProtocolVersion.V2026_07_28.id().equals(v.asString(""))) {
                return true;
            }
        }
        return false;
    }

    private ServerState discovered(boolean pinnedStateless, JsonNode result, Throwable err) {
        {
            if (err != null) {
                McpException e = ClientRuntime.unwrap(err);
                if (isAuthorizationFailure(e)) {
                    throw e; // e.g. an OAuth failure: initialize would fail the same way
                }
                if (pinnedStateless || !session.isOpen()) {
                    throw new McpException("server/discover failed: " + e.getMessage(), e);
                }
                LOG.debug("server/discover failed ({}); falling back to initialize", e.getMessage());
                return null;
            }
            List<String> supported = new ArrayList<>();
            JsonNode versions = result.get("supportedVersions");
            if (versions != null && versions.isArray()) {
                for (JsonNode v : versions) {
                    supported.add(v.asString(""));
                }
            }
            if (supported.contains(ProtocolVersion.V2026_07_28.id())) {
                JsonNode caps = result.get("capabilities");
                JsonNode meta = result.get("_meta");
                JsonNode info = meta == null ? null : meta.get("io.modelcontextprotocol/serverInfo");
                JsonNode instructions = result.get("instructions");
                return new ServerState(
                        ProtocolVersion.V2026_07_28,
                        caps != null && caps.isObject() ? caps : McpJson.object(),
                        info,
                        instructions != null && instructions.isString() ? instructions.asString() : null,
                        List.copyOf(supported));
            }
            if (pinnedStateless) {
                throw new McpException(
                        "the client is pinned to protocol 2026-07-28 but the server supports only " + supported);
            }
            return null;
        }
    }

    /**
     * Whether discovery failed for a reason that is not about the era: a specific exception a transport raised
     * that is neither a transport, RPC, timeout nor cancellation failure (an HTTP authorizer's OAuth error).
     */
    private static boolean isAuthorizationFailure(McpException e) {
        return e.getClass() != McpException.class
                && !(e instanceof dev.jmcp.core.McpTransportException)
                && !(e instanceof dev.jmcp.core.McpRpcException)
                && !(e instanceof dev.jmcp.core.McpTimeoutException)
                && !(e instanceof dev.jmcp.core.McpCancelledException);
    }

    private CompletableFuture<ServerState> initialize(ProtocolVersion requested) {
        session.setProtocolVersion(requested);
        JsonNode params = McpJson.toTree(
                InitializeRequest.builder(requested.id(), config.handshakeCapabilities(), config.clientInfo())
                        .build());
        CompletableFuture<JsonNode> request = session.request(McpMethods.INITIALIZE, params, RequestOptions.defaults());
        inFlight.set(request);
        return request.thenApply(result -> {
            JsonNode v = result.get("protocolVersion");
            String answered = v != null && v.isString() ? v.asString() : String.valueOf(v);
            ProtocolVersion version = ProtocolVersion.parse(answered)
                    .filter(ProtocolVersion::isHandshakeEra)
                    .orElseThrow(() -> new McpException("the server answered initialize with protocol version "
                            + answered + ", which this client does not speak (it speaks "
                            + ProtocolVersion.handshakeIds() + ")"));
            session.setProtocolVersion(version);
            session.notify(McpMethods.NOTIFICATION_INITIALIZED, null).exceptionally(e -> null);
            JsonNode caps = result.get("capabilities");
            JsonNode instructions = result.get("instructions");
            return new ServerState(
                    version,
                    caps != null && caps.isObject() ? caps : McpJson.object(),
                    result.get("serverInfo"),
                    instructions != null && instructions.isString() ? instructions.asString() : null,
                    List.of(version.id()));
        });
    }
}
