package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.RequestStreamControl;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.ElicitAnswer;
import dev.jmcp.server.RequestContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link RequestContext} of one request. */
final class ContextImpl implements RequestContext {
    /** Answers the work this context serves before its handler returns (a timeout answer); at most once. */
    interface EarlyAnswer {
        /** Answers with a result; false when an answer was already given. */
        boolean result(JsonNode result);

        /** Answers with a JSON-RPC error; false when an answer was already given. */
        boolean error(JsonRpcError error);
    }

    private final ServerCore core;
    private final Call call;
    private final InputChannel input;
    private final Consumer<ObjectNode> notifier;
    private volatile EarlyAnswer early;
    private volatile String cancelReason;
    private Thread worker;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    /**
     * @param notifier sends a notification built by this context (progress, log), or null to send them related
     *     to the request
     */
    ContextImpl(ServerCore core, Call call, InputChannel input, Consumer<ObjectNode> notifier) {
        this.core = core;
        this.call = call;
        this.input = input;
        this.notifier = notifier;
        this.early = requestAnswer(core, call);
    }

    /** A context whose input calls use the request's era. */
    static ContextImpl forCall(ServerCore core, Call call, String target, JsonNode arguments) {
        InputChannel input = call.stateless()
                ? new ReplayInput(call, core.config().stateSecret(), ReplayInput.requestDigest(call, target, arguments))
                : HandshakeInput.forCall(core, call);
        return new ContextImpl(core, call, input, null);
    }

    /** Answers the inbound request itself (decorated like a routed result in the 2026-07-28 era). */
    private static EarlyAnswer requestAnswer(ServerCore core, Call call) {
        return new EarlyAnswer() {
            @Override
            public boolean result(JsonNode result) {
                if (call.stateless() && result.isObject()) {
                    core.router().decorate((ObjectNode) result);
                }
                return call.request().respond(result);
            }

            @Override
            public boolean error(JsonRpcError error) {
                return call.request().respondError(error);
            }
        };
    }

    /** Whether this context runs a task (after its request was answered). */
    boolean isTask() {
        return notifier != null;
    }

    /** Replaces where an early answer goes (a task records it instead of answering a request). */
    void answerEarlyTo(EarlyAnswer early) {
        this.early = early;
    }

    /** Answers now with a result unless already answered; the handler's later result is dropped. */
    boolean answerEarly(JsonNode result) {
        return early.result(result);
    }

    /** Answers now with an error unless already answered; the handler's later result is dropped. */
    boolean answerEarlyError(JsonRpcError error) {
        return early.error(error);
    }

    Call call() {
        return call;
    }

    /** The input_required result if the handler stopped at an unanswered input call. */
    ObjectNode pendingInput() {
        return input instanceof ReplayInput r ? r.pending() : null;
    }

    synchronized void bindWorker(Thread thread) {
        this.worker = thread;
    }

    /** The handler returned: a later cancel no longer interrupts this thread. */
    synchronized void unbindWorker() {
        this.worker = null;
    }

    synchronized void cancel(String reason) {
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
    public boolean closeStream() {
        if (notifier != null) {
            return false; // a task runs after its request was answered: it has no stream of its own
        }
        Transport transport = call.session().engine().transport();
        return transport instanceof RequestStreamControl control
                && control.closeRequestStream(call.request().id());
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
    public ElicitAnswer elicitForm(FormElicitRequest request) {
        ElicitResult result = elicit(request);
        if (result.action() != ElicitAction.ACCEPT) {
            return new ElicitAnswer(result, List.of());
        }
        ObjectNode content = McpJson.object();
        if (result.content() != null) {
            result.content().forEach(content::set);
        }
        ObjectNode schema = (ObjectNode) McpJson.toTree(request.requestedSchema());
        List<String> problems;
        try {
            problems = core.schemas().validate("requestedSchema", schema, content);
        } catch (IllegalArgumentException e) {
            problems = List.of(e.getMessage());
        }
        return new ElicitAnswer(result, problems);
    }

    @Override
    public boolean completeUrlElicitation(String elicitationId) {
        if (call.stateless() || !call.version().hasUrlElicitation()) {
            return false;
        }
        return call.session().completeUrlElicitation(elicitationId);
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
