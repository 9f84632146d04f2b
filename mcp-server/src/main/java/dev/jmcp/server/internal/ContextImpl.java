package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.ProgressToken;
import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.logging.LoggingMessageNotification;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import dev.jmcp.core.protocol.notifications.ProgressNotification;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.IncludeContext;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
import dev.jmcp.server.ElicitAnswer;
import dev.jmcp.server.InputAnswers;
import dev.jmcp.server.InputBatch;
import dev.jmcp.server.Progress;
import dev.jmcp.server.RequestContext;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.server.UrlElicitationRequiredException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link RequestContext} of one request. */
final class ContextImpl implements RequestContext, HandlerTimeout.Supervised {
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
    private final Consumer<JsonRpcNotification> notifier;
    private volatile EarlyAnswer early;
    private volatile String cancelReason;
    private Thread worker;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    /**
     * @param notifier sends a notification built by this context (progress, log), or null to send them related
     *     to the request
     */
    ContextImpl(ServerCore core, Call call, InputChannel input, Consumer<JsonRpcNotification> notifier) {
        this.core = core;
        this.call = call;
        this.input = input;
        this.notifier = notifier;
        this.early = requestAnswer(core, call);
    }

    /** A context whose input calls use the request's era. */
    static ContextImpl forCall(ServerCore core, Call call, String target, JsonNode arguments) {
        InputChannel input = call.stateless()
                ? new ReplayInput(call, core.config(), () -> ReplayInput.requestDigest(call, target, arguments))
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
                boolean sent = call.request().respond(result);
                if (sent) {
                    call.early().record(ServerOutcome.result(result));
                }
                return sent;
            }

            @Override
            public boolean error(JsonRpcError error) {
                boolean sent = call.request().respondError(error);
                if (sent) {
                    call.early().record(ServerOutcome.error(error));
                }
                return sent;
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

    @Override
    public void onClientCancel(Runnable callback) {
        call.request().onCancel(callback);
    }

    @Override
    public synchronized void bindWorker(Thread thread) {
        this.worker = thread;
    }

    /** The handler returned: a later cancel no longer interrupts this thread. */
    @Override
    public synchronized void unbindWorker() {
        this.worker = null;
    }

    @Override
    public synchronized void cancel(String reason) {
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
        return m != null && m.isObject() ? SmallNodes.copy(m) : McpJson.object();
    }

    @Override
    public TransportMetadata transport() {
        return call.request().context().transport();
    }

    @Override
    public synchronized void progress(Progress report) {
        double progress = report.progress();
        Double total = report.total().isPresent() ? report.total().getAsDouble() : null;
        String message = report.message().orElse(null);
        if (progress <= lastProgress || isCancelled()) {
            return;
        }
        lastProgress = progress;
        if (notifier == null) {
            call.request().sendProgress(progress, total, message);
            return;
        }
        ProgressToken token =
                call.request().progressToken().map(ProgressToken::fromJson).orElse(null);
        if (token != null) {
            ProgressNotification n = ProgressNotification.builder(token, progress)
                    .total(total)
                    .message(message)
                    .build();
            notifier.accept(new JsonRpcNotification(McpMethods.NOTIFICATION_PROGRESS, McpJson.toTree(n)));
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
        JsonNode json = data instanceof JsonNode j ? j : McpJson.toTree(data);
        JsonNode p =
                McpJson.toTree(LoggingMessageNotification.builder(level, json == null ? NullNode.getInstance() : json)
                        .logger(logger)
                        .build());
        if (notifier == null) {
            call.request().notify(McpMethods.NOTIFICATION_MESSAGE, p);
        } else {
            notifier.accept(new JsonRpcNotification(McpMethods.NOTIFICATION_MESSAGE, p));
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
        return call.request().closeStream();
    }

    @Override
    public ElicitResult elicit(ElicitRequest request) {
        return elicitAs(null, request);
    }

    @Override
    public ElicitResult elicit(String key, ElicitRequest request) {
        return elicitAs(requireKey(key), request);
    }

    private ElicitResult elicitAs(String key, ElicitRequest request) {
        return McpJson.fromTree(askOne(elicitation(key, request)), ElicitResult.class);
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
        return McpJson.fromTree(askOne(sampling(null, request)), CreateMessageResult.class);
    }

    @Override
    public CreateMessageResult sample(String key, CreateMessageRequest request) {
        return McpJson.fromTree(askOne(sampling(requireKey(key), request)), CreateMessageResult.class);
    }

    @Override
    public List<Root> roots() {
        return rootsOf(askOne(InputChannel.Ask.of(null, InputRequest.listRoots(), "roots")));
    }

    @Override
    public List<Root> roots(String key) {
        return rootsOf(askOne(InputChannel.Ask.of(requireKey(key), InputRequest.listRoots(), "roots")));
    }

    @Override
    public InputBatch inputs() {
        return new Batch();
    }

    private InputChannel.Ask elicitation(String key, ElicitRequest request) {
        Objects.requireNonNull(request, "request");
        String capability = request instanceof UrlElicitRequest ? "elicitation.url" : "elicitation.form";
        if (request instanceof UrlElicitRequest && !call.version().hasUrlElicitation()) {
            throw new dev.jmcp.core.McpException("URL-mode elicitation needs protocol 2025-11-25 or later");
        }
        if (!call.version().hasElicitation()) {
            throw new dev.jmcp.core.McpException("elicitation needs protocol 2025-06-18 or later");
        }
        if (request instanceof FormElicitRequest form) {
            ElicitationSchemas.check(form.requestedSchema());
        }
        if (call.stateless() && request instanceof UrlElicitRequest url && url.elicitationId() != null) {
            // 2026-07-28 removed elicitationId: the input key identifies the request instead
            request = new UrlElicitRequest(url.message(), null, url.url(), url.task(), url.meta());
        }
        return InputChannel.Ask.of(key, InputRequest.elicitation(request), capability);
    }

    private InputChannel.Ask sampling(String key, CreateMessageRequest request) {
        Objects.requireNonNull(request, "request");
        IncludeContext include = request.includeContext();
        if (include != null
                && include != IncludeContext.NONE
                && !Capabilities.clientHas(call.clientCapabilities(), "sampling.context")) {
            String message = "includeContext '" + include.wire() + "' needs the client capability 'sampling.context',"
                    + " which this client did not declare; omit includeContext or use NONE";
            if (call.stateless()) {
                throw Capabilities.missing("sampling.context", message);
            }
            throw new dev.jmcp.core.McpException(message);
        }
        boolean tools = request.tools() != null && !request.tools().isEmpty() || request.toolChoice() != null;
        InputChannel.Ask ask =
                InputChannel.Ask.of(key, InputRequest.sampling(request), tools ? "sampling.tools" : "sampling");
        if (!call.stateless() && ask.params() != null) {
            // an older client gets only the content blocks its revision defines (its params are sent as is)
            for (JsonNode m : ask.params().path("messages")) {
                JsonNode content = m.get("content");
                if (content instanceof ObjectNode block) {
                    ((ObjectNode) m).set("content", Definitions.contentBlock(block, call.version()));
                }
            }
        }
        return ask;
    }

    /**
     * 2026-07-28: asks for the URL elicitations a handler threw {@link UrlElicitationRequiredException} for, as
     * {@code input_required} (that revision has no -32042), keyed by their ids. Throws {@link InputRequiredSignal}
     * when one is unanswered; returns the failure to report when the client answered all of them and the handler
     * still requires them, or when this context cannot ask (a task).
     */
    Exception askUrlElicitations(UrlElicitationRequiredException required) throws InterruptedException {
        if (isTask()) {
            return new dev.jmcp.core.McpException(
                    "URL elicitation required, which a 2026-07-28 task cannot ask for: " + required.getMessage());
        }
        List<InputChannel.Ask> asks = new ArrayList<>();
        for (UrlElicitRequest r : required.elicitations()) {
            asks.add(elicitation("url-elicitation:" + r.elicitationId(), r));
        }
        List<JsonNode> answers = input.ask(asks);
        StringBuilder actions = new StringBuilder();
        for (JsonNode a : answers) {
            actions.append(actions.length() == 0 ? "" : ", ")
                    .append(a == null ? "none" : a.path("action").asString("none"));
        }
        return new dev.jmcp.core.McpException(required.getMessage() + " (the client answered the URL elicitation"
                + " with " + actions + " and the handler still requires it)");
    }

    private static List<Root> rootsOf(JsonNode result) {
        ListRootsResult r = McpJson.fromTree(result, ListRootsResult.class);
        return r == null || r.roots() == null ? List.of() : r.roots();
    }

    private static String requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an input key must not be empty");
        }
        return key;
    }

    private JsonNode askOne(InputChannel.Ask ask) {
        return ask(List.of(ask)).get(0);
    }

    private List<JsonNode> ask(List<InputChannel.Ask> batch) {
        checkCancelled();
        try {
            List<JsonNode> results = input.ask(batch);
            for (int i = 0; i < batch.size(); i++) {
                JsonNode result = results.get(i);
                if (result == null || !result.isObject()) {
                    throw new dev.jmcp.core.McpException(
                            "the client answered " + batch.get(i).method() + " without a result object");
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpCancelledException("request was cancelled while waiting for the client's input");
        }
    }

    /** The {@link InputBatch} of this context. */
    private final class Batch implements InputBatch {
        private final List<InputChannel.Ask> asks = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();

        @Override
        public InputBatch elicit(String key, ElicitRequest request) {
            return add(elicitation(requireKey(key), request));
        }

        @Override
        public InputBatch sample(String key, CreateMessageRequest request) {
            return add(sampling(requireKey(key), request));
        }

        @Override
        public InputBatch roots(String key) {
            return add(InputChannel.Ask.of(requireKey(key), InputRequest.listRoots(), "roots"));
        }

        private InputBatch add(InputChannel.Ask ask) {
            if (!keys.add(ask.key())) {
                throw new IllegalArgumentException("the input key '" + ask.key() + "' is already in this batch");
            }
            asks.add(ask);
            return this;
        }

        @Override
        public InputAnswers await() {
            if (asks.isEmpty()) {
                throw new IllegalStateException("an input batch needs at least one request");
            }
            List<JsonNode> results = ask(List.copyOf(asks));
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int i = 0; i < asks.size(); i++) {
                InputChannel.Ask a = asks.get(i);
                JsonNode r = results.get(i);
                answers.put(
                        a.key(),
                        switch (a.method()) {
                            case McpMethods.ELICITATION_CREATE -> McpJson.fromTree(r, ElicitResult.class);
                            case McpMethods.SAMPLING_CREATE_MESSAGE -> McpJson.fromTree(r, CreateMessageResult.class);
                            default -> rootsOf(r);
                        });
            }
            return new InputAnswers(answers);
        }
    }
}
