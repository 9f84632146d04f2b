package com.example.jmcp.server;

import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.content.EmbeddedResource;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerPrompt;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The prompts of the everything-server. */
final class EverythingPrompts {
    private EverythingPrompts() {}

    static void register(McpServer.Builder b) {
        b.prompt(
                Prompt.builder("test_simple_prompt")
                        .description("A simple prompt without arguments")
                        .build(),
                (req, ctx) -> GetPromptResult.of(
                        null,
                        List.of(PromptMessage.of(Role.USER, TextContent.of("This is a simple prompt for testing.")))));
        b.prompt(new ServerPrompt(
                Prompt.builder("test_prompt_with_arguments")
                        .description("A prompt with two required arguments")
                        .arguments(List.of(
                                PromptArgument.required("arg1", "First test argument"),
                                PromptArgument.required("arg2", "Second test argument")))
                        .build(),
                (req, ctx) -> GetPromptResult.of(
                        null,
                        List.of(PromptMessage.of(
                                Role.USER,
                                TextContent.of("Prompt with arguments: arg1='"
                                        + req.arguments().get("arg1") + "', arg2='"
                                        + req.arguments().get("arg2") + "'")))),
                (req, ctx) -> {
                    List<String> values = Stream.of("testValue1", "testValue2", "test-completion", "other")
                            .filter(v -> v.startsWith(req.value()))
                            .collect(Collectors.toList());
                    return new Completion(values, values.size(), false);
                }));
        b.prompt(
                Prompt.builder("test_prompt_with_embedded_resource")
                        .description("A prompt that embeds a resource")
                        .arguments(List.of(PromptArgument.required("resourceUri", "URI of the resource to embed")))
                        .build(),
                (req, ctx) -> GetPromptResult.of(
                        null,
                        List.of(
                                PromptMessage.of(
                                        Role.USER,
                                        EmbeddedResource.of(TextResourceContents.of(
                                                req.arguments().get("resourceUri"),
                                                "text/plain",
                                                "Embedded resource content for testing."))),
                                PromptMessage.of(
                                        Role.USER, TextContent.of("Please process the embedded resource above.")))));
        b.prompt(
                Prompt.builder("test_prompt_with_image")
                        .description("A prompt that includes an image")
                        .build(),
                (req, ctx) -> GetPromptResult.of(
                        null,
                        List.of(
                                PromptMessage.of(Role.USER, ImageContent.of(EverythingTools.PNG, "image/png")),
                                PromptMessage.of(Role.USER, TextContent.of("Please analyze the image above.")))));
    }
}
