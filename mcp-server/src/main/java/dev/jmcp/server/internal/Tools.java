package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.ServerTool;
import dev.jmcp.server.ToolRequest;
import dev.jmcp.server.UrlElicitationRequiredException;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tools/list} and {@code tools/call}: validation, error results, structured content, input_required. */
final class Tools {
    private Tools() {}

    static void register(ServerCore core) {
        core.router().register(McpMethods.TOOLS_LIST, call -> list(core, call));
        core.router().register(McpMethods.TOOLS_CALL, call -> call(core, call));
    }

    /** Checks a tool before it is registered. */
    static void check(Schemas schemas, ServerTool t) {
        Tool tool = t.tool();
        ToolNames.check(tool.name());
        JsonNode in = tool.inputSchema();
        if (!in.isObject() || !"object".equals(in.path("type").asString(""))) {
            throw new IllegalArgumentException("tool " + tool.name() + ": inputSchema must have \"type\": \"object\"");
        }
        schemas.check("tool " + tool.name() + " inputSchema", in);
        if (tool.outputSchema() != null) {
            schemas.check("tool " + tool.name() + " outputSchema", tool.outputSchema());
        }
    }

    private static JsonNode list(ServerCore core, Call call) {
        return ListResults.page(
                core,
                call,
                "tools",
                "tools",
                core.tools().list(),
                t -> Definitions.tool((ObjectNode) McpJson.toTree(t.tool()), call.version()));
    }

    private static JsonNode call(ServerCore core, Call call) throws Exception {
        String name = call.requiredString("name");
        ServerTool tool = core.tools().get(name);
        if (tool == null) {
            throw Errors.invalidParams("Unknown tool: " + name);
        }
        JsonNode args = call.params().get("arguments");
        if (args == null || args.isNull()) {
            args = McpJson.object();
        } else if (!args.isObject()) {
            throw Errors.invalidParams("'arguments' must be an object");
        }
        ParamHeaderCheck.check(call, tool.tool(), args);
        ToolTaskRouting.Facts facts = ToolTaskRouting.factsOf(call, name, taskSupport(tool.tool()));
        return switch (ToolTaskRouting.route(facts)) {
            case EXTENSION_TASK -> core.tasks().create(call, tool, args, McpJson.toTree(TaskMetadata.defaults()));
            case CORE_TASK ->
                core.tasks().create(call, tool, args, call.params().get("task"));
            case INLINE -> execute(core, tool, args, ContextImpl.forCall(core, call, "tool:" + name, args));
        };
    }

    static ToolExecution.TaskSupport taskSupport(Tool tool) {
        ToolExecution e = tool.execution();
        return e == null || e.taskSupport() == null ? ToolExecution.TaskSupport.FORBIDDEN : e.taskSupport();
    }

    /** Validates, runs the handler and shapes the result. */
    static JsonNode execute(ServerCore core, ServerTool tool, JsonNode args, ContextImpl ctx) throws Exception {
        return execute(core, tool, args, ctx, core.config().handlerTimeout());
    }

    /** As {@link #execute(ServerCore, ServerTool, JsonNode, ContextImpl)} under {@code timeout} (a task's limit). */
    static JsonNode execute(ServerCore core, ServerTool tool, JsonNode args, ContextImpl ctx, Duration limit)
            throws Exception {
        String name = tool.tool().name();
        List<String> problems =
                core.schemas().validate("tool " + name, tool.tool().inputSchema(), args);
        if (!problems.isEmpty()) {
            return error("Invalid arguments for tool " + name + ": " + String.join("; ", problems));
        }
        ToolInvocation invocation = new ToolInvocation(core, tool, args, ctx);
        HandlerTemplate.Policy<CallToolResult> policy =
                new HandlerTemplate.Policy<>(invocation, Tools::passesThrough, invocation, invocation);
        return HandlerTemplate.invoke(core, limit, ctx, policy, invocation);
    }

    /** The exceptions of a tool handler that propagate unchanged (JSON-RPC errors, URL elicitation, cancellation). */
    private static boolean passesThrough(Exception e) {
        return e instanceof ProtocolError
                || e instanceof UrlElicitationRequiredException
                || e instanceof McpCancelledException;
    }

    /**
     * One tool call's handler and the mapping of its outcome (timeout, failure, result): one object per call
     * instead of a lambda for each role.
     */
    private static final class ToolInvocation
            implements HandlerTimeout.TimeoutAnswer,
                    HandlerTemplate.FailureAnswer,
                    HandlerTemplate.ResultAnswer<CallToolResult>,
                    HandlerTimeout.Work<CallToolResult> {
        private final ServerCore core;
        private final ServerTool tool;
        private final JsonNode args;
        private final ContextImpl ctx;

        ToolInvocation(ServerCore core, ServerTool tool, JsonNode args, ContextImpl ctx) {
            this.core = core;
            this.tool = tool;
            this.args = args;
            this.ctx = ctx;
        }

        /** Runs the handler. */
        @Override
        public CallToolResult run() throws Exception {
            return tool.handler().handle(new ToolRequest(tool.tool().name(), args, ctx.meta()), ctx);
        }

        /** The handler timed out: answers with an error result. */
        @Override
        public void answer(McpTimeoutException timeout) {
            ctx.answerEarly(error("Tool " + tool.tool().name() + " timed out: " + timeout.getMessage()));
        }

        /** The handler failed: an error result, or the JSON-RPC error of a 2026-07-28 task. */
        @Override
        public JsonNode answer(Exception e) throws Exception {
            if (e instanceof McpRpcException && ctx.isTask() && ctx.call().stateless()) {
                throw e; // a 2026-07-28 task reports a protocol error as status failed with the error inlined
            }
            return error("Tool " + tool.tool().name() + " failed: " + describe(e));
        }

        /** The handler returned: the shaped result. */
        @Override
        public JsonNode answer(CallToolResult result) throws Exception {
            return finish(core, ctx.call(), tool.tool(), result);
        }
    }

    private static JsonNode finish(ServerCore core, Call call, Tool tool, CallToolResult result) {
        if (result == null) {
            return error("Tool " + tool.name() + " returned no result");
        }
        ObjectNode json = plainTextTree(result);
        if (json == null) {
            json = (ObjectNode) McpJson.toTree(result);
        }
        if (result.failed()) {
            Definitions.contentBlocks(json.withArray("content"), call.version());
            return json;
        }
        JsonNode structured = result.structuredContent();
        if (tool.outputSchema() != null) {
            if (structured == null) {
                return error("Tool " + tool.name() + " declares an outputSchema but returned no structuredContent");
            }
            List<String> problems = core.schemas().validate("tool " + tool.name(), tool.outputSchema(), structured);
            if (!problems.isEmpty()) {
                return error("Tool " + tool.name() + " returned structuredContent that does not match its"
                        + " outputSchema: " + String.join("; ", problems));
            }
        }
        if (structured != null) {
            ArrayNode content = json.withArray("content");
            // SEP-2106: a non-object value always comes with its serialized JSON in a text block
            if (content.isEmpty() || !structured.isObject() && !hasText(content)) {
                content.add(McpJson.toTree(TextContent.of(McpJson.write(structured))));
            }
            if (!call.version().hasStructuredContent()) {
                json.remove("structuredContent");
            } else {
                StructuredOutput.projectValue(json, tool.outputSchema(), call.version());
            }
        }
        if (!json.has("content")) {
            json.putArray("content");
        }
        Definitions.contentBlocks(json.withArray("content"), call.version());
        return json;
    }

    /**
     * The tree of a result made of plain text blocks only (the common case), built directly instead of through
     * Jackson's serialisation of the record; null for any other result. The same tree as {@code McpJson.toTree}.
     */
    static ObjectNode plainTextTree(CallToolResult result) {
        List<ContentBlock> blocks = result.content();
        if (blocks == null
                || result.structuredContent() != null
                || result.resultType() != null
                || result.inputRequests() != null
                || result.requestState() != null
                || result.meta() != null) {
            return null;
        }
        for (ContentBlock b : blocks) {
            if (!(b instanceof TextContent t) || t.annotations() != null || t.meta() != null) {
                return null;
            }
        }
        ObjectNode json = SmallNodes.object(4); // content, isError, then resultType and _meta (2026-07-28)
        ArrayNode content = json.putArray("content");
        for (ContentBlock b : blocks) {
            content.add(
                    SmallNodes.object(2).put("text", ((TextContent) b).text()).put("type", TextContent.TYPE));
        }
        if (result.isError() != null) {
            json.put("isError", result.isError().booleanValue());
        }
        return json;
    }

    private static boolean hasText(ArrayNode content) {
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asString(""))) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode error(String message) {
        return (ObjectNode) McpJson.toTree(CallToolResult.error(message));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
