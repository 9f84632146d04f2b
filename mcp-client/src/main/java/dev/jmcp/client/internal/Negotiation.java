package dev.jmcp.client.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.lifecycle.DiscoverRequest;
import dev.jmcp.core.protocol.lifecycle.InitializeRequest;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Picks the era per the specification's dual-era rules. By default: {@code server/discover} first; if the server
 * lists 2026-07-28, every later request is stateless. A recognised modern error (-32020, -32021, -32022, or any
 * error whose {@code data.supported} lists a 2026-07-28-era version) shows a modern server, and the client picks
 * from what it lists instead of falling back: -32022 listing 2026-07-28 is retried once; -32022 listing only
 * handshake revisions leads to {@code initialize} with the newest of them; anything else fails the connect. Any
 * other answer (-32601,
 * -32602, another JSON-RPC error, an HTTP 4xx without a modern error body, no answer within the discovery timeout)
 * means a handshake-only server: the client falls back to {@code initialize} with the newest handshake revision and
 * remembers the verdict ({@link EraMemory}), so the next connection to that server skips the probe; if that
 * {@code initialize} is refused, the memory is dropped and the server probed again. A pinned handshake revision
 * skips discovery; a pinned 2026-07-28 never falls back. {@code initialize} is never cancelled (the specification
 * forbids it): neither its timeout nor a close during connect sends {@code notifications/cancelled} for it.
 */
final class Negotiation {
    private static final Logger LOG = LoggerFactory.getLogger(Negotiation.class);

    /** {@code initialize} must not be cancelled: its timeout or a close only fails it locally. */
    private static final RequestOptions INITIALIZE_OPTIONS =
            RequestOptions.builder().cancellable(false).build();

    private final ClientConfig config;
    private final McpSession session;
    private final EraMemory eras;
    private final String peer;
    private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    /** The revision {@code initialize} asks for after the probe (a -32022 may name an older one). */
    private volatile ProtocolVersion handshakeVersion = ProtocolVersion.LATEST_HANDSHAKE;

    /**
     * @param eras where handshake-only verdicts are remembered
     * @param peer the server's key in {@code eras}
     */
    Negotiation(ClientConfig config, McpSession session, EraMemory eras, String peer) {
        this.config = config;
        this.session = session;
        this.eras = eras;
        this.peer = peer;
    }

    CompletableFuture<ServerState> run() {
        ProtocolVersion pinned = config.pinnedVersion();
        if (pinned != null && pinned.isHandshakeEra()) {
            return initialize(pinned);
        }
        if (pinned == null && eras.isHandshakeOnly(peer)) {
            LOG.debug("{} is known to speak only the handshake era; skipping server/discover", peer);
            return initialize(ProtocolVersion.LATEST_HANDSHAKE)
                    .handle((s, err) -> {
                        if (err == null) {
                            return CompletableFuture.completedFuture(s);
                        }
                        if (!(ClientRuntime.unwrap(err) instanceof McpRpcException) || !session.isOpen()) {
                            return CompletableFuture.<ServerState>failedFuture(ClientRuntime.unwrap(err));
                        }
                        LOG.debug("initialize refused ({}); probing {} again", err.getMessage(), peer);
                        eras.forget(peer);
                        return probeThenInitialize(false);
                    })
                    .thenCompose(f -> f);
        }
        return probeThenInitialize(pinned != null);
    }

    /** Starts a new handshake-era session with {@code version} on the same session (the old one expired). */
    CompletableFuture<ServerState> reinitialize(ProtocolVersion version) {
        return initialize(version);
    }

    private CompletableFuture<ServerState> probeThenInitialize(boolean pinnedStateless) {
        return discover(pinnedStateless, true).thenCompose(s -> {
            if (s != null) {
                return CompletableFuture.completedFuture(s);
            }
            eras.rememberHandshakeOnly(peer);
            return initialize(handshakeVersion);
        });
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
        RequestOptions options =
                RequestOptions.builder().timeout(config.discoveryTimeout()).build();
        CompletableFuture<JsonNode> request = connectionRequest(
                McpMethods.SERVER_DISCOVER,
                params,
                ProtocolVersion.V2026_07_28,
                options,
                (id, p) -> session.request(
                        id,
                        McpMethods.SERVER_DISCOVER,
                        p,
                        RequestEnvelopes.handOver(
                                options,
                                RequestEnvelopes.ofMethod(McpMethods.SERVER_DISCOVER, ProtocolVersion.V2026_07_28))));
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
        if (!(e instanceof McpRpcException rpc) || rpc.code() != ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION) {
            return false;
        }
        JsonNode data = rpc.error().data();
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

    /**
     * Whether an error to {@code server/discover} shows a modern (2026-07-28 era) server: one of the codes that era
     * defines (HeaderMismatch, MissingRequiredClientCapability, UnsupportedProtocolVersion), or any error whose
     * {@code data.supported} lists a stateless-era version. Anything else (-32601, -32602, ...) is what a
     * handshake-only server answers to a request before {@code initialize}.
     */
    static boolean isModernError(McpException e) {
        if (!(e instanceof McpRpcException rpc)) {
            return false;
        }
        int code = rpc.code();
        if (code == ErrorCodes.HEADER_MISMATCH
                || code == ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY
                || code == ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION) {
            return true;
        }
        JsonNode data = rpc.error().data();
        if (data == null) {
            return false;
        }
        for (JsonNode v : data.path("supported")) {
            if (ProtocolVersion.parse(v.asString(""))
                    .filter(ProtocolVersion::isStateless)
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The newest handshake revision this client speaks that an UnsupportedProtocolVersion error lists in
     * {@code data.supported}, or null (another error, or no such revision).
     */
    private static ProtocolVersion newestListedHandshake(McpException e) {
        if (!(e instanceof McpRpcException rpc)
                || rpc.code() != ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION
                || rpc.error().data() == null) {
            return null;
        }
        ProtocolVersion best = null;
        for (JsonNode v : rpc.error().data().path("supported")) {
            ProtocolVersion p = ProtocolVersion.parse(v.asString("")).orElse(null);
            if (p != null && p.isHandshakeEra() && (best == null || p.atLeast(best))) {
                best = p;
            }
        }
        return best;
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
                ProtocolVersion listed = newestListedHandshake(e);
                if (listed != null) {
                    // a modern error naming the versions it supports, none of them stateless: speak the newest
                    LOG.debug("server/discover answered {}; initializing with {}", e.getMessage(), listed);
                    handshakeVersion = listed;
                    return null;
                }
                if (isModernError(e)) {
                    throw new McpException(
                            "the server speaks the 2026-07-28 era but refused server/discover (" + e.getMessage()
                                    + "); not falling back to initialize",
                            e);
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
        CompletableFuture<JsonNode> request = connectionRequest(
                McpMethods.INITIALIZE,
                params,
                requested,
                INITIALIZE_OPTIONS,
                (id, p) -> session.request(id, McpMethods.INITIALIZE, p, INITIALIZE_OPTIONS));
        return request.thenCompose(result -> {
            JsonNode v = result.get("protocolVersion");
            String answered = v != null && v.isString() ? v.asString() : String.valueOf(v);
            ProtocolVersion version = ProtocolVersion.parse(answered)
                    .filter(ProtocolVersion::isHandshakeEra)
                    .orElseThrow(() -> new McpException("the server answered initialize with protocol version "
                            + answered + ", which this client does not speak (it speaks "
                            + ProtocolVersion.handshakeIds() + ")"));
            session.setProtocolVersion(version);
            JsonNode caps = result.get("capabilities");
            JsonNode instructions = result.get("instructions");
            ServerState state = new ServerState(
                    version,
                    caps != null && caps.isObject() ? caps : McpJson.object(),
                    result.get("serverInfo"),
                    instructions != null && instructions.isString() ? instructions.asString() : null,
                    List.of(version.id()));
            // the session is ready once notifications/initialized went out (over HTTP: once the standalone stream is
            // open too, so that what the server sends right after the handshake reaches this client)
            return session.notify(McpMethods.NOTIFICATION_INITIALIZED, null)
                    .exceptionally(e -> null)
                    .thenApply(sent -> state);
        });
    }

    /**
     * Sends one of the connection's own requests through the interceptors that asked to see them
     * ({@code ClientInterceptor.interceptsConnectionRequests()}); the wire request is what {@link #cancel} cancels.
     */
    private CompletableFuture<JsonNode> connectionRequest(
            String method, JsonNode params, ProtocolVersion version, RequestOptions options, CallPipeline.Wire send) {
        CallPipeline.WireRequest wire = CallPipeline.WireRequest.on(
                session, method, (ObjectNode) params, version, options, 0, new ConcurrentHashMap<>());
        CompletableFuture<JsonNode> request = config.pipeline().send(wire, (id, p) -> {
            CompletableFuture<JsonNode> sent = send.send(id, p);
            inFlight.set(sent);
            return sent;
        });
        return request;
    }
}
