package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.server.PromptRequest;
import dev.jmcp.server.ServerPrompt;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code prompts/list} and {@code prompts/get}. */
final class Prompts {
    private Prompts() {}

    static void register(ServerCore core) {
        core.router().register(McpMethods.PROMPTS_LIST, call -> list(core, call));
        core.router().register(McpMethods.PROMPTS_GET, call -> get(core, call));
    }

    private static JsonNode list(ServerCore core, Call call) {
        return ListResults.page(
                core,
                call,
                "prompts",
                "prompts",
                core.prompts().list(),
                p -> Definitions.prompt((ObjectNode) McpJson.toTree(p.prompt()), call.version()));
    }

    private static JsonNode get(ServerCore core, Call call) throws Exception {
        String name = call.requiredString("name");
        ServerPrompt prompt = core.prompts().get(name);
        if (prompt == null) {
            throw Errors.invalidParams("Unknown prompt: " + name);
        }
        JsonNode argsNode = call.params().get("arguments");
        Map<String, String> args = new LinkedHashMap<>();
        if (argsNode != null && !argsNode.isNull()) {
            if (!argsNode.isObject()) {
                throw Errors.invalidParams("'arguments' must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> e : argsNode.properties()) {
                if (!e.getValue().isString()) {
                    throw Errors.invalidParams("argument '" + e.getKey() + "' must be a string");
                }
                args.put(e.getKey(), e.getValue().asString());
            }
        }
        if (prompt.prompt().arguments() != null) {
            for (PromptArgument a : prompt.prompt().arguments()) {
                if (Boolean.TRUE.equals(a.required()) && !args.containsKey(a.name())) {
                    throw Errors.invalidParams("missing required argument '" + a.name() + "' for prompt " + name);
                }
            }
        }
        ContextImpl ctx = ContextImpl.forCall(core, call, "prompt:" + name, McpJson.toTree(args));
        HandlerTemplate.Policy<GetPromptResult> policy = new HandlerTemplate.Policy<>(
                timeout -> ctx.answerEarlyError(
                        JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "prompt " + name + " timed out")),
                HandlerTemplate::protocolOrCancel,
                e -> {
                    throw new McpRpcException(
                            ErrorCodes.INTERNAL_ERROR, "Prompt " + name + " failed: " + Tools.describe(e));
                },
                result -> {
                    if (result == null) {
                        throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "Prompt " + name + " returned no result");
                    }
                    ObjectNode json = (ObjectNode) McpJson.toTree(result);
                    for (JsonNode m : json.path("messages")) {
                        JsonNode content = m.get("content");
                        if (m.isObject() && content != null && content.isObject()) {
                            ((ObjectNode) m)
                                    .set("content", Definitions.contentBlock((ObjectNode) content, call.version()));
                        }
                    }
                    return json;
                });
        return HandlerTemplate.invoke(
                core, ctx, policy, () -> prompt.handler().get(new PromptRequest(name, args, ctx.meta()), ctx));
    }
}
