package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerSession;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@link ServerCall} of one inbound request: the engine's request plus its resolved {@link Call}, or none when
 * the request was rejected before its era was resolved. Copies and decodes lazily.
 */
final class ServerCallView implements ServerCall {
    private final InboundRequest request;
    private final Call call;
    private final Era era;
    private volatile RequestMeta requestMeta;

    /**
     * @param request the engine's request
     * @param call the resolved call, or null when resolution failed
     */
    ServerCallView(InboundRequest request, Call call) {
        this.request = request;
        this.call = call;
        this.era = eraOf(call);
    }

    /** The era of a resolved call (null: unresolved). */
    static Era eraOf(Call call) {
        if (call == null) {
            return Era.UNRESOLVED;
        }
        if (call.stateless()) {
            return Era.PER_REQUEST;
        }
        return call.session().isStatelessMode() ? Era.STATELESS_MODE : Era.HANDSHAKE;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public RequestId requestId() {
        return request.id();
    }

    @Override
    public JsonNode params() {
        JsonNode p = request.params();
        return p != null && p.isObject() ? p.deepCopy() : McpJson.object();
    }

    @Override
    public Optional<Object> typedParams() {
        return ProtocolParams.typeOf(method()).flatMap(type -> paramsAs(type).map(Object.class::cast));
    }

    @Override
    public <T> Optional<T> paramsAs(Class<T> type) {
        JsonNode p = request.params();
        return ProtocolParams.decode(p != null && p.isObject() ? p : McpJson.object(), type);
    }

    @Override
    public JsonNode meta() {
        return request.meta().map(JsonNode::deepCopy).orElseGet(McpJson::object);
    }

    @Override
    public RequestMeta requestMeta() {
        RequestMeta m = requestMeta;
        if (m == null) {
            try {
                m = RequestMeta.from(request.meta().orElse(null));
            } catch (RuntimeException malformed) {
                m = RequestMeta.from(null);
            }
            requestMeta = m;
        }
        return m;
    }

    @Override
    public Optional<ProtocolVersion> protocolVersion() {
        return call == null ? Optional.empty() : Optional.ofNullable(call.version());
    }

    @Override
    public Era era() {
        return era;
    }

    @Override
    public Optional<AuthInfo> authInfo() {
        return request.context().authInfo();
    }

    @Override
    public TransportMetadata transport() {
        return request.context().transport();
    }

    @Override
    public Optional<ServerSession> session() {
        return era == Era.HANDSHAKE ? Optional.of(call.session()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ServerCall[" + method() + " " + requestId() + ", " + era + "]";
    }
}
