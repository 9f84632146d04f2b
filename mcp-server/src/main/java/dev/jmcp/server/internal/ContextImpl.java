package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.server.RequestContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link RequestContext} of one request. */
final class ContextImpl implements RequestContext {
    private final Call call;
    private final InputChannel input;
    private final Consumer<ObjectNode> notifier;
    private volatile String cancelReason;
    private volatile Thread worker;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    /**
     * @param notifier sends a notification built by this context (progress, log), or null to send them related
     *     to the request
     */
    ContextImpl(Call call, InputChannel input, Consumer<ObjectNode> notifier) {
        this.call = call;
        this.input = input;
        this.notifier = notifier;
    }

    /** A context whose input calls use the request's era. */
    static ContextImpl forCall(ServerCore core, Call call, String target, JsonNode arguments) {
        InputChannel input = call.stateless()
                ? new ReplayInput(call, core.config().stateSecret(), ReplayInput.requestDigest(call, target, arguments))
                : new HandshakeInput(call, core.config().clientRequestTimeout());
        return new ContextImpl(call, input, null);
    }

    Call call() {
        return call;
    }

    /** The input_required result if the handler stopped at an unanswered input call. */
    ObjectNode pendingInput() {
        return input instanceof ReplayInput r ? r.pending() : null;
    }

    void bindWorker(Thread thread) {
        this.worker = thread;
    }

    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    @Override
    public ProtocolVersion protocolVersion() {
        return call.version();
    }

    @Override
    public String sessionId() {
        return call.session().id();
    }

    @Override
    public dev.jmcp.core.jsonrpc.RequestId requestId() {
        return call.request().id();
    }

    @Override
    public Optional<AuthInfo> authInfo() {
        return Optional.ofNullable(call.auth());
    }

    @Override
    public JsonNode clientCapabilities() {
        return call.clientCapabilities().deepCopy();
    }

    @Override
    public JsonNode meta() {
        JsonNode m = call.params().get("_meta");
        return m != null && m.isObject() ? m.deepCopy() : McpJson.object();
    }

    @Override
    public synchronized void progress(double progress, Double total, String message) {
        if (progress <= lastProgress || isCancelled()) {
            return;
        }
        lastProgress = progress;
        if (notifier == null) {
            call.request().sendProgress(progress, total, message);
            return;
        }
        JsonNode token = call.request().progressToken().orElse(null);
        if (token != null) {
            ObjectNode n = McpJson.object();
            n.put("method", "notifications/progress");
            ObjectNode p = n.putObject("params");
            p.set("progressToken", token);
            p.put("progress", progress);
            if (total != null) {
                p.put("total", total);
            }
            if (message != null) {
                p.put("message", message);
            }
            notifier.accept(n);
        }
    }

    @Override
    public void log(LoggingLevel level, String logger, Object data) {
        Objects.requireNonNull(level, "level");
        String threshold =
                call.stateless() ? call.metaLogLevel() : call.session().logLevel();
        if (call.stateless() && threshold == null || !Levels.passes(level.wire(), threshold)) {
            return;
        }
        ObjectNode p = McpJson.object();
        p.put("level", level.wire());
        if (logger != null) {
            p.put("logger", logger);
        }
        p.set("data", data instanceof JsonNode j ? j : McpJson.toTree(data));
        if (notifier == null) {
            call.request().notify("notifications/message", p);
        } else {
            ObjectNode n = McpJson.object();
            n.put("method", "notifications/message");
            n.set("params", p);
            notifier.accept(n);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelReason != null || call.request().isCancelled();
    }

    @Override
    public ElicitResult elicit(ElicitRequest request) {
        Objects.requireNonNull(request, "request");
        String capability = request instanceof UrlElicitRequest ? "elicitation.url" : "elicitation.form";
        if (request instanceof UrlElicitRequest && !call.version().hasUrlElicitation()) {
            throw new dev.jmcp.core.McpException("URL-mode elicitation needs protocol 2025-11-25 or later");
        }
        if (!call.version().hasElicitation()) {
            throw new dev.jmcp.core.McpException("elicitation needs protocol 2025-06-18 or later");
        }
        return McpJson.fromTree(ask("elicitation/create", McpJson.toTree(request), capability), ElicitResult.class);
    }

    @Override
    public CreateMessageResult sample(CreateMessageRequest request) {
        Objects.requireNonNull(request, "request");
        boolean tools = request.tools() != null && !request.tools().isEmpty() || request.toolChoice() != null;
        return McpJson.fromTree(
                ask("sampling/createMessage", McpJson.toTree(request), tools ? "sampling.tools" : "sampling"),
                CreateMessageResult.class);
    }

    @Override
    public List<Root> roots() {
        ListRootsResult r = McpJson.fromTree(ask("roots/list", null, "roots"), ListRootsResult.class);
        return r == null || r.roots() == null ? List.of() : r.roots();
    }

    private JsonNode ask(String method, JsonNode params, String capability) {
        checkCancelled();
        try {
            JsonNode result = input.ask(method, params, capability);
            if (result == null || !result.isObject()) {
                throw new dev.jmcp.core.McpException("the client answered " + method + " without a result object");
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpCancelledException("request was cancelled while waiting for " + method);
        }
    }
}
