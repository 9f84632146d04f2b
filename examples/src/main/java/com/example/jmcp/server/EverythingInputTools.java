package com.example.jmcp.server;

import static com.example.jmcp.server.EverythingTools.describe;
import static com.example.jmcp.server.EverythingTools.text;
import static com.example.jmcp.server.EverythingTools.tool;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.InputAnswers;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The everything-server's tools for the 2026-07-28 scenarios: handlers that ask the client for input (answered
 * with {@code input_required} and a retry in the stateless era, with a server-to-client request in a session),
 * and the diagnostic tools of the {@code server-stateless} scenario.
 */
final class EverythingInputTools {
    private EverythingInputTools() {}

    static void register(McpServer.Builder b, AtomicReference<McpServer> self) {
        tool(
                b,
                "test_input_required_result_elicitation",
                "Asks the user's name",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.text(
                        "Hello, " + describe(ctx.elicit("user_name", form("What is your name?", "name")))));
        tool(
                b,
                "test_input_required_result_sampling",
                "Asks the client's LLM a question",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.text(
                        "LLM said: " + text(ctx.sample(question("What is the capital of France?", 100)))));
        tool(
                b,
                "test_input_required_result_list_roots",
                "Lists the client's roots",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.text(
                        "Roots: " + ctx.roots().stream().map(Root::uri).collect(Collectors.joining(", "))));
        tool(
                b,
                "test_input_required_result_request_state",
                "Asks for a confirmation, keeping state between rounds",
                Json.noArguments(),
                (req, ctx) -> {
                    ElicitResult r = ctx.elicit(Json.as(
                            """
                            {"message":"Please confirm","requestedSchema":{"type":"object",
                              "properties":{"ok":{"type":"boolean"}},"required":["ok"]}}""",
                            FormElicitRequest.class));
                    // Reaching this line means the server verified the signed requestState of the retry.
                    return CallToolResult.text("state-ok: " + describe(r));
                });
        tool(
                b,
                "test_input_required_result_multiple_inputs",
                "Asks for a name, a greeting and the roots",
                Json.noArguments(),
                (req, ctx) -> {
                    // one round: all three requests go into one input_required result (or out concurrently)
                    InputAnswers in = ctx.inputs()
                            .elicit("user_name", form("What is your name?", "name"))
                            .sample("greeting", question("Generate a greeting", 50))
                            .roots("client_roots")
                            .await();
                    ElicitResult name = in.elicitation("user_name");
                    String greeting = text(in.sampling("greeting"));
                    List<Root> roots = in.roots("client_roots");
                    return CallToolResult.text(
                            "name=" + describe(name) + ", greeting=" + greeting + ", roots=" + roots.size());
                });
        tool(
                b,
                "test_input_required_result_multi_round",
                "Asks two questions, one per round",
                Json.noArguments(),
                (req, ctx) -> {
                    ElicitResult step1 = ctx.elicit(form("Step 1: What is your name?", "name"));
                    ElicitResult step2 = ctx.elicit(form("Step 2: What is your favorite color?", "color"));
                    return CallToolResult.text("step1: " + describe(step1) + "; step2: " + describe(step2));
                });
        tool(
                b,
                "test_input_required_result_tampered_state",
                "Asks for input; a tampered requestState is rejected",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.text("ok: " + describe(ctx.elicit(form("Anything?", "value")))));
        tool(
                b,
                "test_input_required_result_capabilities",
                "Asks only for what the client declared",
                Json.noArguments(),
                (req, ctx) -> {
                    List<String> got = new ArrayList<>();
                    if (ctx.clientCapabilities().has("sampling")) {
                        got.add("sampling: " + text(ctx.sample(question("Say hi", 20))));
                    }
                    if (ctx.clientCapabilities().has("elicitation")) {
                        got.add("elicitation: " + describe(ctx.elicit(form("What is your name?", "name"))));
                    }
                    return CallToolResult.text(got.isEmpty() ? "nothing to ask" : String.join("; ", got));
                });
        b.prompt(
                Prompt.builder("test_input_required_result_prompt")
                        .description("A prompt that asks the user for context first")
                        .build(),
                (req, ctx) -> {
                    ElicitResult r = ctx.elicit(form("What context should the prompt use?", "context"));
                    return GetPromptResult.of(
                            null,
                            List.of(PromptMessage.of(
                                    Role.USER, TextContent.of("Use this context: " + McpJson.write(r.content())))));
                });

        // SEP-2243: region travels in an Mcp-Param-Region header too (checked against the body by the server).
        tool(
                b,
                "test_custom_header",
                "Echoes a region that is mirrored into the Mcp-Param-Region header",
                Json.as(
                        """
                        {"type":"object","properties":{"region":{"type":"string","x-mcp-header":"Region",
                          "description":"The region (also sent as Mcp-Param-Region)"}},"required":["region"]}""",
                        tools.jackson.databind.JsonNode.class),
                (req, ctx) -> CallToolResult.text(
                        "region: " + req.arguments().path("region").asString()));

        // Diagnostic tools of the server-stateless scenario.
        tool(
                b,
                "test_missing_capability",
                "Needs the sampling capability (fails with -32021 without it)",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.text("LLM said: " + text(ctx.sample(question("Hi", 10)))));
        tool(
                b,
                "test_streaming_elicitation",
                "Elicits while streaming",
                Json.noArguments(),
                (req, ctx) ->
                        CallToolResult.text("User said: " + describe(ctx.elicit(form("Please confirm", "confirmed")))));
        tool(
                b,
                "test_logging_tool",
                "Logs (only when the client asked for a log level)",
                Json.noArguments(),
                (req, ctx) -> {
                    log3(ctx);
                    return CallToolResult.text("logged");
                });
        tool(
                b,
                "test_trigger_tool_change",
                "Adds a tool, so subscribers get tools/list_changed",
                Json.noArguments(),
                (req, ctx) -> {
                    addDynamicTool(self.get());
                    return CallToolResult.text("tool list changed");
                });
        tool(
                b,
                "test_trigger_prompt_change",
                "Adds a prompt, so subscribers get prompts/list_changed",
                Json.noArguments(),
                (req, ctx) -> {
                    addDynamicPrompt(self.get());
                    return CallToolResult.text("prompt list changed");
                });
    }

    /** What test_trigger_tool_change does (also applied by the other instances of a scaled-out server). */
    static void addDynamicTool(dev.jmcp.server.McpServer server) {
        server.addTool(
                Tool.builder("test_dynamic_tool", Json.noArguments())
                        .description("Added at run time")
                        .build(),
                (r2, c2) -> CallToolResult.text("dynamic"));
    }

    /** What test_trigger_prompt_change does (also applied by the other instances of a scaled-out server). */
    static void addDynamicPrompt(dev.jmcp.server.McpServer server) {
        server.addPrompt(new dev.jmcp.server.ServerPrompt(
                Prompt.builder("test_dynamic_prompt")
                        .description("Added at run time")
                        .build(),
                (r2, c2) -> GetPromptResult.of(null, List.of(PromptMessage.of(Role.USER, TextContent.of("dynamic"))))));
    }

    private static void log3(RequestContext ctx) {
        ctx.log(LoggingLevel.INFO, "everything", "first");
        ctx.log(LoggingLevel.INFO, "everything", "second");
        ctx.log(LoggingLevel.INFO, "everything", "third");
    }

    private static FormElicitRequest form(String message, String field) {
        return Json.as(
                """
                {"message": %s, "requestedSchema": {"type":"object","properties":{%s:{"type":"string"}},
                 "required":[%s]}}"""
                        .formatted(McpJson.write(message), McpJson.write(field), McpJson.write(field)),
                FormElicitRequest.class);
    }

    private static CreateMessageRequest question(String text, int maxTokens) {
        return CreateMessageRequest.builder(List.of(SamplingMessage.of(Role.USER, TextContent.of(text))), maxTokens)
                .build();
    }
}
