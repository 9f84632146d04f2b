package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.completion.CompleteResult;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.server.CompletionHandler;
import dev.jmcp.server.CompletionRequest;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.ServerResourceTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code completion/complete} for prompt arguments and resource-template variables. */
final class Completions {
    private static final int MAX_VALUES = 100;

    private Completions() {}

    static void register(ServerCore core) {
        core.router().register(McpMethods.COMPLETION_COMPLETE, call -> complete(core, call));
    }

    private static JsonNode complete(ServerCore core, Call call) throws Exception {
        JsonNode ref = call.params().get("ref");
        JsonNode argument = call.params().get("argument");
        if (ref == null || !ref.isObject() || argument == null || !argument.isObject()) {
            throw Errors.invalidParams("'ref' and 'argument' are required objects");
        }
        String argName = argument.path("name").asString(null);
        String value = argument.path("value").asString("");
        if (argName == null) {
            throw Errors.invalidParams("'argument.name' is required");
        }
        CompletionHandler handler =
                switch (ref.path("type").asString("")) {
                    case "ref/prompt" -> {
                        ServerPrompt p = core.prompts().get(ref.path("name").asString(""));
                        if (p == null) {
                            throw Errors.invalidParams(
                                    "Unknown prompt: " + ref.path("name").asString(""));
                        }
                        yield p.completion();
                    }
                    case "ref/resource" -> {
                        String uri = ref.path("uri").asString("");
                        ServerResourceTemplate t = core.templates().list().stream()
                                .filter(x -> x.template().uriTemplate().equals(uri))
                                .findFirst()
                                .orElseThrow(() -> Errors.invalidParams("Unknown resource template: " + uri));
                        yield t.completion();
                    }
                    default -> throw Errors.invalidParams("unknown ref type " + ref.path("type"));
                };
        Map<String, String> context = new LinkedHashMap<>();
        JsonNode ctxArgs = call.params().path("context").path("arguments");
        if (ctxArgs.isObject()) {
            for (Map.Entry<String, JsonNode> e : ctxArgs.properties()) {
                if (e.getValue().isString()) {
                    context.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        if (handler == null) {
            return answer(Completion.of(List.of()));
        }
        // like every handler kind: input calls follow the request's era (input_required in 2026-07-28)
        ObjectNode target = McpJson.object();
        target.set("ref", ref);
        target.set("argument", argument);
        JsonNode contextNode = call.params().get("context");
        if (contextNode != null) {
            target.set("context", contextNode);
        }
        ContextImpl ctx = ContextImpl.forCall(core, call, "completion", target);
        HandlerTemplate.Policy<Completion> policy = new HandlerTemplate.Policy<>(
                timeout -> ctx.answerEarlyError(
                        JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "completion timed out: " + timeout.getMessage())),
                HandlerTemplate::protocolOrCancel,
                e -> {
                    throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "completion failed: " + Tools.describe(e));
                },
                c -> answer(c == null ? Completion.of(List.of()) : c));
        return HandlerTemplate.invoke(
                core, ctx, policy, () -> handler.complete(new CompletionRequest(argName, value, context), ctx));
    }

    private static JsonNode answer(Completion completion) {
        List<String> all = completion.values();
        boolean more = all.size() > MAX_VALUES || Boolean.TRUE.equals(completion.hasMore());
        Completion answered = new Completion(
                all.size() > MAX_VALUES ? all.subList(0, MAX_VALUES) : all, completion.total(), more ? true : null);
        return McpJson.toTree(new CompleteResult(answered, null, null));
    }
}
