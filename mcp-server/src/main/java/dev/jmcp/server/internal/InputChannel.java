package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How a handler's input calls (elicit, sample, roots) reach the client in the request's era. */
interface InputChannel {
    /**
     * One input request of a handler.
     *
     * @param key the handler's name for it, or null for a positional call (keyed {@code input-<n>})
     * @param request the client request ({@code elicitation/create}, {@code sampling/createMessage}, {@code
     *     roots/list})
     * @param params the JSON of its params, or null
     * @param capability the client capability it needs, by dotted name
     */
    record Ask(String key, InputRequest request, JsonNode params, String capability) {
        /** An input request; its params are serialized once, here. */
        static Ask of(String key, InputRequest request, String capability) {
            Object params = null;
            if (request instanceof InputRequest.Elicitation e) {
                params = e.params();
            } else if (request instanceof InputRequest.Sampling s) {
                params = s.params();
            } else if (request instanceof InputRequest.ListRoots r) {
                params = r.params();
            }
            return new Ask(key, request, params == null ? null : McpJson.toTree(params), capability);
        }

        /** The client method. */
        String method() {
            return request.method();
        }
    }

    /**
     * Asks the client for every request of {@code batch} at once (one round; in a session they are sent
     * concurrently) and returns each result object by the batch position.
     */
    List<JsonNode> ask(List<Ask> batch) throws InterruptedException;

    /** Adapts a one-request-at-a-time channel. */
    static InputChannel single(Single single) {
        return batch -> {
            ArrayList<JsonNode> out = new ArrayList<>(batch.size());
            for (Ask a : batch) {
                out.add(single.ask(a.method(), a.params(), a.capability()));
            }
            return out;
        };
    }

    /** A channel that asks one request at a time. */
    @FunctionalInterface
    interface Single {
        /** Sends {@code method} with {@code params} to the client and returns its result object. */
        JsonNode ask(String method, JsonNode params, String capability) throws InterruptedException;
    }
}
