package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 2026-07-28: deterministic replay. The k-th input call of a handler returns the k-th recorded answer; the first
 * unanswered call stops the handler with an {@code input_required} result whose signed {@code requestState}
 * carries every answer so far.
 */
final class ReplayInput implements InputChannel {
    private final Call call;
    private final byte[] secret;
    private final String requestDigest;
    private final List<RequestState.Answer> answers = new ArrayList<>();
    private int next;
    private volatile ObjectNode pending;

    ReplayInput(Call call, byte[] secret, String requestDigest) {
        this.call = call;
        this.secret = secret;
        this.requestDigest = requestDigest;
        JsonNode params = call.params();
        JsonNode state = params.get("requestState");
        JsonNode responses = params.get("inputResponses");
        if (state == null || state.isNull()) {
            if (responses != null && !responses.isNull()) {
                throw Errors.invalidParams("inputResponses without requestState");
            }
            return;
        }
        if (!state.isString()) {
            throw Errors.invalidParams("requestState must be a string");
        }
        RequestState.Decoded decoded = RequestState.decode(secret, state.asString(), requestDigest);
        answers.addAll(decoded.answers());
        String key = key(answers.size());
        JsonNode answer = responses != null && responses.isObject() ? responses.get(key) : null;
        if (answer == null || !answer.isObject()) {
            throw Errors.invalidParams("inputResponses must carry an object for '" + key + "'");
        }
        answers.add(new RequestState.Answer(decoded.pendingDigest(), answer));
    }

    /** The digest that binds a state to one request: method, target, arguments and caller. */
    static String requestDigest(Call call, String target, JsonNode arguments) {
        String principal = call.auth() != null ? call.auth().principal() : "";
        return RequestState.digest(call.method(), target, arguments == null ? McpJson.object() : arguments, principal);
    }

    @Override
    public JsonNode ask(String method, JsonNode params, String capability) {
        if (!Capabilities.clientHas(call.clientCapabilities(), capability)) {
            throw new ProtocolError(
                    ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                    "this request needs the client capability '" + capability + "'");
        }
        String digest = RequestState.digest(method, params);
        if (next < answers.size()) {
            RequestState.Answer a = answers.get(next++);
            if (!a.digest().equals(digest)) {
                throw new McpException(
                        "the handler asked for different input when replayed; input calls must be" + " deterministic");
            }
            return a.result();
        }
        ObjectNode result = McpJson.object();
        result.put("resultType", "input_required");
        ObjectNode request = result.putObject("inputRequests").putObject(key(next));
        request.put("method", method);
        if (params != null) {
            request.set("params", params);
        }
        result.put("requestState", RequestState.encode(secret, requestDigest, answers, digest));
        pending = result;
        throw new InputRequiredSignal(result);
    }

    /** The input_required result if the handler stopped at an unanswered input call (even if it caught the signal). */
    ObjectNode pending() {
        return pending;
    }

    private static String key(int index) {
        return "input-" + index;
    }
}
