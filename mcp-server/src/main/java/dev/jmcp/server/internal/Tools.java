package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.ParamHeaders;
import dev.jmcp.server.ServerTool;
import dev.jmcp.server.ToolRequest;
import dev.jmcp.server.UrlElicitationRequiredException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tools/list} and {@code tools/call}: validation, error results, structured content, input_required. */
final class Tools {
    private Tools() {}

    static void register(ServerCore core) {
        core.router().register("tools/list", call -> list(core, call));
        core.router().register("tools/call", call -> call(core, call));
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
        Pages.Page<ServerTool> page = Pages.page(
                "tools",
                core.tools().list(),
                call.stringParam("cursor"),
                core.config().pageSize());
        ObjectNode result = McpJson.object();
        ArrayNode tools = result.putArray("tools");
        for (ServerTool t : page.items()) {
            tools.add(Definitions.tool((ObjectNode) McpJson.toTree(t.tool()), call.version()));
        }
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        core.cacheHints(call, result);
        return result;
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
        verifyParamHeaders(call, tool.tool(), args);
        JsonNode task = call.params().get("task");
        ToolExecution.TaskSupport support = taskSupport(tool.tool());
        if (call.stateless() && support != ToolExecution.TaskSupport.FORBIDDEN && Tasks.declaresExtension(call)) {
            // 2026-07-28 tasks extension: the server decides; a task-supporting tool runs as a task
            return core.tasks().create(call, tool, args, McpJson.object());
        }
        if (task != null && !task.isNull() && call.version().hasCoreTasks() && !call.stateless()) {
            if (support == ToolExecution.TaskSupport.FORBIDDEN) {
                throw new ProtocolError(
                        dev.jmcp.core.ErrorCodes.METHOD_NOT_FOUND, "tool " + name + " does not support tasks");
            }
            return core.tasks().create(call, tool, args, task);
        }
        if (support == ToolExecution.TaskSupport.REQUIRED && call.stateless()) {
            ObjectNode required = McpJson.object();
            required.putObject("extensions").putObject(Tasks.EXTENSION);
            throw Capabilities.missing(
                    required, "tool " + name + " runs only as a task: declare the " + Tasks.EXTENSION + " extension");
        }
        if (support == ToolExecution.TaskSupport.REQUIRED && call.version().hasCoreTasks()) {
            throw new ProtocolError(
                    dev.jmcp.core.ErrorCodes.METHOD_NOT_FOUND, "tool " + name + " must be called as a task");
        }
        return execute(core, tool, args, ContextImpl.forCall(core, call, "tool:" + name, args));
    }

    /**
     * SEP-2243: on 2026-07-28 Streamable HTTP (recognised by its {@code Mcp-Method} header) every argument the
     * tool annotates with {@code x-mcp-header} must arrive in a matching {@code Mcp-Param-*} header, and such a
     * header must not come without its argument; otherwise HeaderMismatch (-32020, HTTP 400).
     */
    static void verifyParamHeaders(Call call, Tool tool, JsonNode args) {
        InboundContext context = call.request().context();
        MessageEnvelope envelope = context.envelope();
        if (!call.stateless() || !envelope.mirrored()) {
            return;
        }
        for (ParamHeaders.Declaration d : ParamHeaders.ofOrEmpty(tool.inputSchema())) {
            Optional<String> header = envelope.param(d.name());
            Optional<JsonNode> value = d.valueIn(args);
            String problem;
            if (value.isPresent()) {
                problem = header.isEmpty()
                        ? "the " + d.headerName() + " header is required (arguments." + String.join(".", d.path())
                                + " is set)"
                        : ParamHeaders.mismatch(d, header.get(), value.get()).orElse(null);
            } else {
                problem = header.isPresent()
                        ? d.headerName() + " is set but arguments." + String.join(".", d.path()) + " is not"
                        : null;
            }
            if (problem != null) {
                throw new ProtocolError(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + problem);
            }
        }
    }

    static ToolExecution.TaskSupport taskSupport(Tool tool) {
        ToolExecution e = tool.execution();
        return e == null || e.taskSupport() == null ? ToolExecution.TaskSupport.FORBIDDEN : e.taskSupport();
    }

    /** Validates, runs the handler and shapes the result. */
    static JsonNode execute(ServerCore core, ServerTool tool, JsonNode args, ContextImpl ctx) throws Exception {
        String name = tool.tool().name();
        List<String> problems =
                core.schemas().validate("tool " + name, tool.tool().inputSchema(), args);
        if (!problems.isEmpty()) {
            return error("Invalid arguments for tool " + name + ": " + String.join("; ", problems));
        }
        JsonNode meta = ctx.meta();
        CallToolResult result;
        try {
            result = Invoker.run(
                    core,
                    ctx,
                    (c, e) -> c.answerEarly(error("Tool " + name + " timed out: " + e.getMessage())),
                    () -> tool.handler().handle(new ToolRequest(name, args, meta), ctx));
        } catch (InputRequiredSignal signal) {
            return signal.result();
        } catch (ProtocolError | UrlElicitationRequiredException | McpCancelledException e) {
            throw e;
        } catch (Exception e) {
            if (ctx.pendingInput() != null) {
                return ctx.pendingInput();
            }
            if (e instanceof dev.jmcp.core.McpRpcException
                    && ctx.isTask()
                    && ctx.call().stateless()) {
                throw e; // a 2026-07-28 task reports a protocol error as status failed with the error inlined
            }
            return error("Tool " + name + " failed: " + describe(e));
        }
        if (ctx.pendingInput() != null) {
            return ctx.pendingInput();
        }
        return finish(core, ctx.call(), tool.tool(), result);
    }

    private static JsonNode finish(ServerCore core, Call call, Tool tool, CallToolResult result) {
        if (result == null) {
            return error("Tool " + tool.name() + " returned no result");
        }
        ObjectNode json = (ObjectNode) McpJson.toTree(result);
        if (result.failed()) {
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
            if (content.isEmpty()) {
                ObjectNode text = content.addObject();
                text.put("type", "text");
                text.put("text", McpJson.write(structured));
            }
            if (!call.version().hasStructuredContent()) {
                json.remove("structuredContent");
            }
        }
        if (!json.has("content")) {
            json.putArray("content");
        }
        return json;
    }

    static ObjectNode error(String message) {
        return (ObjectNode) McpJson.toTree(CallToolResult.error(message));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
