package dev.jmcp.client.internal;

import dev.jmcp.client.ElicitationHandler;
import dev.jmcp.client.RootsProvider;
import dev.jmcp.client.SamplingHandler;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Adapts the application's typed handlers to {@link InputHandler}s, enforcing what the client declared: sampling
 * {@code tools} only with {@code sampling.tools}, each elicitation mode only if declared (else -32602).
 */
public final class InputHandlers {
    private InputHandlers() {}

    /** The input handlers for the given application handlers (each may be null). */
    public static Map<String, InputHandler> of(
            RootsProvider roots,
            SamplingHandler sampling,
            boolean samplingTools,
            ElicitationHandler elicitation,
            boolean form,
            boolean url,
            boolean fillDefaults) {
        Map<String, InputHandler> map = new HashMap<>();
        if (roots != null) {
            map.put(McpMethods.ROOTS_LIST, params -> {
                List<Root> list = roots.roots();
                return InputResponse.of(ListRootsResult.of(list == null ? List.of() : list));
            });
        }
        if (sampling != null) {
            map.put(McpMethods.SAMPLING_CREATE_MESSAGE, params -> sample(sampling, samplingTools, params));
        }
        if (elicitation != null) {
            map.put(McpMethods.ELICITATION_CREATE, params -> elicit(elicitation, form, url, fillDefaults, params));
        }
        return map;
    }

    private static InputResponse sample(SamplingHandler handler, boolean tools, JsonNode params) throws Exception {
        if (!tools && params != null && (params.has("tools") || params.has("toolChoice"))) {
            throw new McpRpcException(
                    ErrorCodes.INVALID_PARAMS, "this client did not declare sampling.tools; tools are not allowed");
        }
        CreateMessageRequest request = McpJson.fromTree(params, CreateMessageRequest.class);
        if (request == null) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "sampling/createMessage needs params");
        }
        CreateMessageResult result = handler.createMessage(request);
        if (result == null) {
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "the sampling handler returned no result");
        }
        return InputResponse.of(result);
    }

    private static InputResponse elicit(
            ElicitationHandler handler, boolean form, boolean url, boolean fillDefaults, JsonNode params)
            throws Exception {
        JsonNode modeNode = params == null ? null : params.get("mode");
        String mode = modeNode != null && modeNode.isString() ? modeNode.asString() : "form";
        if ("url".equals(mode) && !url || "form".equals(mode) && !form) {
            throw new McpRpcException(
                    ErrorCodes.INVALID_PARAMS, "this client did not declare elicitation mode " + mode);
        }
        ElicitRequest request = McpJson.fromTree(params, ElicitRequest.class);
        if (request == null) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "elicitation/create needs params");
        }
        ElicitResult result = handler.elicit(request);
        if (result == null) {
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "the elicitation handler returned no result");
        }
        if (fillDefaults && "form".equals(mode) && result.action() == ElicitAction.ACCEPT) {
            Map<String, JsonNode> content = new LinkedHashMap<>();
            if (result.content() != null) {
                content.putAll(result.content());
            }
            result = ElicitResult.builder(result.action())
                    .content(ElicitationDefaults.fill(params.get("requestedSchema"), content))
                    .resultType(result.resultType())
                    .meta(result.meta())
                    .build();
        }
        return InputResponse.of(result);
    }
}
