package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import dev.jmcp.core.protocol.mrtr.InputRequiredResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 2026-07-28: deterministic replay with keyed inputs. Every input call has a key (the handler's name for it, or
 * {@code input-<n>} for the n-th positional call); on each retry the handler runs again from the start and an
 * input call returns the answer recorded for its key. The first batch with an unanswered key stops the handler
 * with an {@code input_required} result that asks for the unanswered keys of that batch; its sealed {@code
 * requestState} carries every answer so far and the keys it waits for.
 *
 * <p>Trust: answers are taken only from keys the sealed state says the server is waiting for, so a client cannot
 * slip in answers to questions the server never asked in that context. An answer the handler asks for that came
 * without any state (every question this server asks comes with one) is refused with -32602. Unknown keys are
 * ignored; a missing key is asked for again; a present key whose value is not an object is refused with -32602.
 */
final class ReplayInput implements InputChannel {
    private final Call call;
    private final ServerConfig config;
    /** Computes the request digest, only when a state is read or written (a SHA-256 per request otherwise). */
    private final Supplier<String> requestDigest;
    /** Computed when a state is read or written (most requests never ask for input). */
    private RequestState.Binding binding;
    /** Verified answers (from the state, or accepted this run); created by the first (most calls never ask). */
    private Map<String, RequestState.Answer> answers;
    /** Answers sent without a state (a first request may volunteer them): used for the handler's first batch. */
    private final JsonNode unverified;

    /** The input keys asked for in this run; created by the first input call. */
    private Set<String> usedKeys;
    /** Whether the handler asked for input before in this run (volunteered answers serve the first batch only). */
    private boolean askedBefore;

    private int positional;
    private volatile ObjectNode pending;

    ReplayInput(Call call, ServerConfig config, Supplier<String> requestDigest) {
        this.call = call;
        this.config = config;
        this.requestDigest = requestDigest;
        JsonNode params = call.params();
        JsonNode state = params.get("requestState");
        JsonNode responses = params.get("inputResponses");
        if (responses != null && !responses.isNull() && !responses.isObject()) {
            throw Errors.invalidParams("inputResponses must be an object");
        }
        boolean hasResponses = responses != null && responses.isObject();
        if (state == null || state.isNull()) {
            this.unverified = hasResponses ? responses : null;
            return;
        }
        this.unverified = null;
        if (!state.isString()) {
            throw Errors.invalidParams("requestState must be a string");
        }
        RequestState.Decoded decoded = RequestState.decode(binding(), state.asString());
        answers().putAll(decoded.answers());
        for (Map.Entry<String, String> p : decoded.pending().entrySet()) {
            JsonNode answer = hasResponses ? responses.get(p.getKey()) : null;
            if (answer == null || answer.isNull()) {
                continue; // asked for again when the handler reaches it
            }
            answers().put(p.getKey(), new RequestState.Answer(p.getValue(), checked(p.getKey(), answer)));
        }
    }

    /** The digest that binds a state to one request: method, target (tool name, prompt name or URI), arguments. */
    static String requestDigest(Call call, String target, JsonNode arguments) {
        return RequestState.digest(call.method(), target, arguments == null ? McpJson.object() : arguments);
    }

    private Map<String, RequestState.Answer> answers() {
        if (answers == null) {
            answers = new LinkedHashMap<>();
        }
        return answers;
    }

    private RequestState.Binding binding() {
        if (binding == null) {
            binding = new RequestState.Binding(
                    config.stateKeys(), config.stateMaxAge(), requestDigest.get(), callerDigest(call));
        }
        return binding;
    }

    /** The digest that binds a state to its caller: the authenticated principal, or anonymous. */
    private static String callerDigest(Call call) {
        String principal = call.auth() != null ? call.auth().ownerKey() : null;
        return RequestState.digest(principal == null ? "anonymous" : "principal:" + principal);
    }

    @Override
    public List<JsonNode> ask(List<Ask> batch) {
        for (Ask a : batch) {
            if (!Capabilities.clientHas(call.clientCapabilities(), a.capability())) {
                throw Capabilities.missing(
                        a.capability(), "this request needs the client capability '" + a.capability() + "'");
            }
        }
        boolean firstBatch = !askedBefore;
        askedBefore = true;
        List<JsonNode> results = new ArrayList<>(batch.size());
        Map<String, String> missing = new LinkedHashMap<>();
        Map<String, InputRequest> requests = new LinkedHashMap<>();
        for (Ask a : batch) {
            String key = a.key() != null ? a.key() : "input-" + positional;
            positional++;
            if (usedKeys == null) {
                usedKeys = new HashSet<>();
            }
            if (!usedKeys.add(key)) {
                throw new McpException("the input key '" + key + "' was used twice in one request");
            }
            String digest = RequestState.digest(a.method(), a.params());
            RequestState.Answer answer = answers == null ? null : answers.get(key);
            if (answer == null && unverified != null && firstBatch) {
                JsonNode given = unverified.get(key);
                if (given != null && !given.isNull()) {
                    // an answer the client volunteered with its first request, to a question of the first round
                    // (SEP-2322 lets it): input like the arguments, no more trusted; later rounds need the state
                    answer = new RequestState.Answer(digest, checked(key, given));
                    answers().put(key, answer);
                }
            }
            if (answer != null) {
                if (!answer.digest().equals(digest)) {
                    throw new McpException("the handler asked for different input under the key '" + key
                            + "' when replayed; input calls must be deterministic");
                }
                results.add(answer.result());
                continue;
            }
            results.add(null);
            missing.put(key, digest);
            requests.put(key, a.request());
        }
        if (missing.isEmpty()) {
            return results;
        }
        ObjectNode result = (ObjectNode)
                McpJson.toTree(InputRequiredResult.of(requests, RequestState.encode(binding(), answers(), missing)));
        pending = result;
        throw new InputRequiredSignal(result);
    }

    /** The input_required result if the handler stopped at an unanswered input call (even if it caught the signal). */
    ObjectNode pending() {
        return pending;
    }

    private static JsonNode checked(String key, JsonNode answer) {
        if (!answer.isObject()) {
            // a protocol error even when raised inside the handler's input call (not a tool error result)
            throw new ProtocolError(ErrorCodes.INVALID_PARAMS, "inputResponses[\"" + key + "\"] must be an object");
        }
        return answer;
    }
}
