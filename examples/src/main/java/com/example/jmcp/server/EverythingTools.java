package com.example.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.EmbeddedResource;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.Progress;
import dev.jmcp.server.ToolHandler;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The tools of the everything-server, named and shaped as the conformance suite expects. */
final class EverythingTools {
    /** A 1x1 PNG. */
    static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    /** A tiny WAV file (44-byte header, 1 silent sample). */
    static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQIAAAAAAA==";

    private EverythingTools() {}

    static void register(McpServer.Builder b) {
        tool(
                b,
                "test_simple_text",
                "Returns a simple text response",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.text("This is a simple text response for testing."));
        tool(
                b,
                "test_image_content",
                "Returns an image",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.of(List.of(ImageContent.of(PNG, "image/png"))));
        tool(
                b,
                "test_audio_content",
                "Returns audio",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.of(List.of(AudioContent.of(WAV, "audio/wav"))));
        tool(
                b,
                "test_embedded_resource",
                "Returns an embedded resource",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.of(List.of(EmbeddedResource.of(TextResourceContents.of(
                        "test://embedded-resource", "text/plain", "This is an embedded resource content.")))));
        tool(
                b,
                "test_multiple_content_types",
                "Returns text, an image and a resource",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.of(List.of(
                        TextContent.of("Multiple content types test:"),
                        ImageContent.of(PNG, "image/png"),
                        EmbeddedResource.of(TextResourceContents.of(
                                "test://mixed-content-resource",
                                "application/json",
                                "{\"test\":\"data\",\"value\":123}")))));
        tool(b, "test_tool_with_logging", "Logs three messages while it runs", Json.noArguments(), (req, ctx) -> {
            ctx.log(LoggingLevel.INFO, "everything", "Tool execution started");
            Thread.sleep(50);
            ctx.log(LoggingLevel.INFO, "everything", "Tool processing data");
            Thread.sleep(50);
            ctx.log(LoggingLevel.INFO, "everything", "Tool execution completed");
            return CallToolResult.text("Logging test completed");
        });
        tool(
                b,
                "test_error_handling",
                "Always fails (as a tool error)",
                Json.noArguments(),
                (req, ctx) -> CallToolResult.error("This tool intentionally returns an error for testing"));
        tool(b, "test_tool_with_progress", "Reports progress 0, 50, 100", Json.noArguments(), (req, ctx) -> {
            for (int p = 0; p <= 100; p += 50) {
                ctx.progress(Progress.of(p).total(100).message("step " + (p / 50 + 1) + " of 3"));
                if (p < 100) {
                    Thread.sleep(50);
                }
            }
            return CallToolResult.text("Progress test completed");
        });
        tool(
                b,
                "test_sampling",
                "Asks the client's LLM",
                Json.parse(
                        """
                {"type":"object","properties":{"prompt":{"type":"string","description":"The prompt"}},
                 "required":["prompt"]}"""),
                (req, ctx) -> {
                    String prompt = req.stringArgument("prompt");
                    CreateMessageResult r = ctx.sample(CreateMessageRequest.builder(
                                    List.of(SamplingMessage.of(Role.USER, TextContent.of(prompt))), 100)
                            .build());
                    return CallToolResult.text("LLM response: " + text(r));
                });
        tool(
                b,
                "test_elicitation",
                "Asks the user for a username and an email",
                Json.parse(
                        """
                {"type":"object","properties":{"message":{"type":"string","description":"What to ask"}},
                 "required":["message"]}"""),
                (req, ctx) -> {
                    FormElicitRequest ask = Json.as(
                            """
                    {"message": %s, "requestedSchema": {"type":"object","properties":{
                      "username":{"type":"string","description":"Your username"},
                      "email":{"type":"string","description":"Your email address"}},
                     "required":["username","email"]}}"""
                                    .formatted(McpJson.write(req.stringArgument("message"))),
                            FormElicitRequest.class);
                    return CallToolResult.text("User response: " + describe(ctx.elicit(ask)));
                });
        tool(
                b,
                "test_elicitation_sep1034_defaults",
                "Elicits fields with default values (SEP-1034)",
                Json.noArguments(),
                (req, ctx) -> {
                    FormElicitRequest ask = Json.as(
                            """
                    {"message":"Please review your information","requestedSchema":{"type":"object","properties":{
                      "name":{"type":"string","description":"Your name","default":"John Doe"},
                      "age":{"type":"integer","description":"Your age","default":30},
                      "score":{"type":"number","description":"Your score","default":95.5},
                      "status":{"type":"string","description":"Your status","enum":["active","inactive","pending"],
                                "default":"active"},
                      "verified":{"type":"boolean","description":"Verified?","default":true}},
                     "required":[]}}""",
                            FormElicitRequest.class);
                    return CallToolResult.text("Elicitation completed: " + describe(ctx.elicit(ask)));
                });
        tool(
                b,
                "test_elicitation_sep1330_enums",
                "Elicits the five enum forms (SEP-1330)",
                Json.noArguments(),
                (req, ctx) -> {
                    FormElicitRequest ask = Json.as(
                            """
                    {"message":"Please pick options","requestedSchema":{"type":"object","properties":{
                      "untitledSingle":{"type":"string","description":"Pick one","enum":["option1","option2","option3"]},
                      "titledSingle":{"type":"string","description":"Pick one","oneOf":[
                        {"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},
                        {"const":"value3","title":"Third Option"}]},
                      "legacyEnum":{"type":"string","description":"Pick one","enum":["opt1","opt2","opt3"],
                        "enumNames":["Option One","Option Two","Option Three"]},
                      "untitledMulti":{"type":"array","description":"Pick some","minItems":1,"maxItems":3,
                        "items":{"type":"string","enum":["option1","option2","option3"]}},
                      "titledMulti":{"type":"array","description":"Pick some","minItems":1,"maxItems":3,
                        "items":{"anyOf":[{"const":"value1","title":"First Choice"},
                          {"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}},
                     "required":[]}}""",
                            FormElicitRequest.class);
                    return CallToolResult.text("Elicitation completed: " + describe(ctx.elicit(ask)));
                });
        tool(
                b,
                "json_schema_2020_12_tool",
                "A tool whose input schema uses JSON Schema 2020-12 keywords",
                Json.parse(
                        """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "$defs":{"address":{"$anchor":"addressDef","type":"object","properties":{
                   "street":{"type":"string"},"city":{"type":"string"}}}},
                 "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                   "contactMethod":{"type":"string","enum":["phone","email"]},
                   "phone":{"type":"string"},"email":{"type":"string"}},
                 "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
                 "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
                 "then":{"required":["phone"]},"else":{"required":["email"]},
                 "additionalProperties":false}"""),
                (req, ctx) -> CallToolResult.text("Received: " + McpJson.write(req.arguments())));
        tool(
                b,
                "test_reconnection",
                "Closes its SSE stream before the result; the client resumes with Last-Event-ID (SEP-1699)",
                Json.noArguments(),
                (req, ctx) -> {
                    // Over HTTP: end this request's SSE connection now; the result follows on the resumed stream.
                    boolean closed = ctx.closeStream();
                    Thread.sleep(300);
                    return CallToolResult.text("Reconnection test completed (stream closed early: " + closed + ")");
                });
    }

    static void tool(McpServer.Builder b, String name, String description, JsonNode schema, ToolHandler handler) {
        b.tool(Tool.builder(name, schema).description(description).build(), handler);
    }

    static String text(CreateMessageResult r) {
        List<String> parts = new ArrayList<>();
        for (Object c : r.content()) {
            if (c instanceof TextContent) {
                parts.add(((TextContent) c).text());
            }
        }
        return String.join(" ", parts);
    }

    static String describe(ElicitResult r) {
        return "action=" + r.action().wire() + ", content=" + McpJson.write(r.content());
    }
}
