package dev.jmcp.client.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one call and, while the server answers {@code input_required}, answers its input requests with the
 * application's handlers and retries with a new request carrying {@code inputResponses} and the echoed
 * {@code requestState}, up to the configured number of rounds. Each round's wire request goes through the
 * {@link CallPipeline} (the interceptors) on its own, and carries its {@link RequestEnvelopes envelope}.
 *
 * <p>A 2026-07-28 result whose {@code resultType} is neither {@code complete} (or absent) nor
 * {@code input_required} is invalid (the specification says so): the call fails naming it. A wire request that
 * finds the session expired (handshake era) waits for a new session and is sent again, once per call.
 */
final class InputRounds {
    /** The result types this client understands; anything else is an invalid result. */
    private static final String COMPLETE = "complete";

    private static final String INPUT_REQUIRED = "input_required";
    private static final String TASK = "task";

    /** What the rounds need from the connection they are sent on. */
    interface Link {
        /** The session of the current connection. */
        McpSession session();

        /** The number of the current session (grows with every recovery). */
        int epoch();

        /** Completes when no recovery is in progress (already complete almost always). */
        CompletableFuture<Void> ready();

        /** Starts a new session after session {@code failedEpoch} expired; completes when it is ready. */
        CompletableFuture<Void> recover(int failedEpoch, Throwable cause);
    }

    private final ClientConfig config;
    private final Link link;
    private final Executor executor;
    private final CallPipeline pipeline;
    private final RequestEnvelopes envelopes;

    InputRounds(ClientConfig config, Link link, RequestEnvelopes envelopes) {
        this.config = config;
        this.link = link;
        this.pipeline = config.pipeline();
        this.envelopes = envelopes;
        this.executor = config.handlerExecutor() != null ? config.handlerExecutor() : HandlerExecutors.handlers();
    }

    /**
     * Starts the call.
     *
     * @param version the negotiated protocol revision
     * @param meta writes the 2026-07-28 {@code _meta} keys over an attempt's own {@code _meta} (or null) and returns
     *     the result; null in the handshake era
     */
    <T> void start(
            CallFuture<T> call,
            String method,
            ObjectNode base,
            RequestOptions options,
            ProtocolVersion version,
            UnaryOperator<JsonNode> meta,
            Function<JsonNode, T> mapper) {
        new Exchange<>(call, method, base, options, version, meta, mapper).attempt(null, null, 0);
    }

    /** One call: its fixed parts, and a wire request per round. */
    private final class Exchange<T> {
        private final CallFuture<T> call;
        private final String method;
        private final ObjectNode base;
        private final RequestOptions options;
        private final ProtocolVersion version;
        private final UnaryOperator<JsonNode> meta;
        private final Function<JsonNode, T> mapper;
        private boolean recovered;
        private int sentEpoch;
        /** Whether the last request sent declared the tasks extension, which makes {@code resultType: task} valid. */
        private boolean tasksDeclared;

        /** What interceptors keep for the whole call (all its rounds): {@code ClientCall.attributes()}. */
        private final ConcurrentMap<Object, Object> attributes = new ConcurrentHashMap<>();

        private Map<String, InputResponse> lastResponses;
        private String lastState;

        Exchange(
                CallFuture<T> call,
                String method,
                ObjectNode base,
                RequestOptions options,
                ProtocolVersion version,
                UnaryOperator<JsonNode> meta,
                Function<JsonNode, T> mapper) {
            this.call = call;
            this.method = method;
            this.base = base;
            this.options = options;
            this.version = version;
            this.meta = meta;
            this.mapper = mapper;
        }

        void attempt(Map<String, InputResponse> inputResponses, String requestState, int round) {
            if (call.isDone()) {
                return;
            }
            CompletableFuture<Void> ready = link.ready();
            if (!ready.isDone()) { // a new session is being started: send on it
                ready.whenComplete((ok, err) -> attempt(inputResponses, requestState, round));
                return;
            }
            lastResponses = inputResponses;
            lastState = requestState;
            ObjectNode params = base.deepCopy();
            if (inputResponses != null) {
                params.set("inputResponses", McpJson.toTree(inputResponses));
            }
            if (requestState != null) {
                params.put("requestState", requestState);
            }
            if (meta != null) {
                params.set(MetaKeys.META, meta.apply(params.get(MetaKeys.META)));
            }
            CompletableFuture<JsonNode> answer;
            try {
                McpSession session = link.session();
                answer = pipeline.send(
                        CallPipeline.WireRequest.on(session, method, params, version, options, round, attributes),
                        (id, p) -> sendOnWire(session, id, p));
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((result, err) -> onAnswer(result, err, round));
        }

        /**
         * The last step of the pipeline: one request on the session, with its envelope and the id reserved on
         * {@code reservedOn} (a fresh one should a recovery have replaced that session meanwhile).
         */
        private CompletableFuture<JsonNode> sendOnWire(McpSession reservedOn, RequestId id, ObjectNode params) {
            RequestOptions sent = RequestEnvelopes.handOver(options, envelopes.of(method, params, version));
            sentEpoch = link.epoch();
            tasksDeclared = ExtensionTasks.declaredIn(params);
            McpSession session = link.session();
            CompletableFuture<JsonNode> wire = session.request(session == reservedOn ? id : null, method, params, sent);
            call.track(wire);
            return wire;
        }

        private void onAnswer(JsonNode result, Throwable err, int round) {
            if (call.isDone()) {
                return;
            }
            if (err != null) {
                if (!recovered && version.isHandshakeEra() && ClientRuntime.isSessionExpired(err)) {
                    recovered = true; // one recovery per call: a second 404 fails it
                    link.recover(sentEpoch, err).whenComplete((ok, e) -> {
                        if (e != null) {
                            call.completeExceptionally(ClientRuntime.unwrap(e));
                        } else {
                            attempt(lastResponses, lastState, round);
                        }
                    });
                    return;
                }
                call.completeExceptionally(ClientRuntime.unwrap(err));
                return;
            }
            String unknownType = version.isStateless() ? unknownResultType(result, tasksDeclared) : null;
            if (unknownType != null) {
                call.completeExceptionally(new McpException(method + ": invalid result: unrecognised resultType \""
                        + unknownType + "\" (this client understands \"" + COMPLETE + "\", \"" + INPUT_REQUIRED
                        + "\" and, where it declared the tasks extension, \"" + TASK + "\")"));
                return;
            }
            if (!isInputRequired(result)) {
                try {
                    call.complete(mapper.apply(result));
                } catch (RuntimeException e) {
                    call.completeExceptionally(ClientRuntime.unwrap(e));
                }
                return;
            }
            if (round >= config.maxInputRounds()) {
                call.completeExceptionally(new McpException(method + ": the server still asked for input after "
                        + config.maxInputRounds() + " rounds; giving up"));
                return;
            }
            JsonNode state = result.get("requestState");
            String nextState = state != null && state.isString() ? state.asString() : null;
            JsonNode requests = result.get("inputRequests");
            CompletableFuture.supplyAsync(() -> answerAll(requests), executor).whenComplete((responses, e) -> {
                if (e != null) {
                    call.completeExceptionally(ClientRuntime.unwrap(e));
                } else {
                    attempt(responses, nextState, round + 1);
                }
            });
        }
    }

    static boolean isInputRequired(JsonNode result) {
        JsonNode type = result == null ? null : result.get("resultType");
        return type != null && type.isString() && INPUT_REQUIRED.equals(type.asString());
    }

    /** The {@code resultType} of a 2026-07-28 result when it is one this client does not know, else null. */
    static String unknownResultType(JsonNode result, boolean tasksDeclared) {
        JsonNode type = result == null ? null : result.get("resultType");
        if (type == null || type.isNull()) {
            return null;
        }
        String value = type.isString() ? type.asString() : type.toString();
        boolean known = COMPLETE.equals(value)
                || INPUT_REQUIRED.equals(value)
                || (tasksDeclared && TASK.equals(value)); // the tasks extension's CreateTaskResult
        return known ? null : value;
    }

    /** Answers every input request with the matching handler; null when the server sent none. */
    private Map<String, InputResponse> answerAll(JsonNode requests) {
        if (requests == null || !requests.isObject() || requests.isEmpty()) {
            return null;
        }
        Map<String, InputResponse> responses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : requests.properties()) {
            JsonNode request = e.getValue();
            JsonNode m = request.get("method");
            String method = m != null && m.isString() ? m.asString() : null;
            InputHandler handler =
                    method == null ? null : config.inputHandlers().get(method);
            if (handler == null) {
                throw new McpException("the server asked for " + (method == null ? "an unnamed input" : method)
                        + " (input request \"" + e.getKey() + "\"), which this client has no handler for");
            }
            InputResponse answer;
            try {
                answer = handler.answer(request.get("params"));
            } catch (McpException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new McpException(method + " handler failed: " + ex.getMessage(), ex);
            }
            responses.put(e.getKey(), answer);
        }
        return responses;
    }
}
