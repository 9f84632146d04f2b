package dev.jmcp.core.protocol;

import static dev.jmcp.core.protocol.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.PromptReference;
import dev.jmcp.core.protocol.completion.ResourceTemplateReference;
import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.EmbeddedResource;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.ResourceLink;
import dev.jmcp.core.protocol.content.SamplingContent;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.content.ToolResultContent;
import dev.jmcp.core.protocol.content.ToolUseContent;
import dev.jmcp.core.protocol.elicitation.BooleanSchema;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.LegacyTitledEnumSchema;
import dev.jmcp.core.protocol.elicitation.NumberSchema;
import dev.jmcp.core.protocol.elicitation.PrimitiveSchemaDefinition;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.elicitation.TitledMultiSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.TitledSingleSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.UntitledMultiSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.UntitledSingleSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.protocol.lifecycle.ResultMeta;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import dev.jmcp.core.protocol.notifications.CancelledNotification;
import dev.jmcp.core.protocol.notifications.ProgressNotification;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tools.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ProtocolUnionsTest {

    private static JsonNode json(String text) {
        return McpJson.parse(text);
    }

    // ---- content blocks

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"text\",\"text\":\"hi\"}|TextContent",
                "{\"type\":\"image\",\"data\":\"AA==\",\"mimeType\":\"image/png\"}|ImageContent",
                "{\"type\":\"audio\",\"data\":\"AA==\",\"mimeType\":\"audio/wav\"}|AudioContent",
                "{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"}|ResourceLink",
                "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a\",\"text\":\"x\"}}|EmbeddedResource"
            })
    void contentBlockIsChosenByType(String wire, String expectedClass) {
        ContentBlock block = McpJson.fromTree(json(wire), ContentBlock.class);
        assertThat(block.getClass().getSimpleName()).isEqualTo(expectedClass);
        assertSameJson(McpJson.toTree(block), json(wire));
    }

    @Test
    void samplingOnlyBlocksAreNotContentBlocks() {
        assertThatThrownBy(() -> McpJson.fromTree(
                        json("{\"type\":\"tool_use\",\"id\":\"1\",\"name\":\"t\",\"input\":{}}"), ContentBlock.class))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("unknown type \"tool_use\"");
    }

    @Test
    void resourceBlocksAreNotSamplingContent() {
        assertThatThrownBy(() -> McpJson.fromTree(
                        json("{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"}"),
                        SamplingContent.class))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("resource_link");
    }

    @Test
    void samplingContentCoversToolUseAndToolResult() {
        SamplingContent use = McpJson.fromTree(
                json("{\"type\":\"tool_use\",\"id\":\"c1\",\"name\":\"w\",\"input\":{\"city\":\"Paris\"}}"),
                SamplingContent.class);
        assertThat(use).isInstanceOf(ToolUseContent.class);
        assertThat(((ToolUseContent) use).input().get("city").stringValue()).isEqualTo("Paris");

        SamplingContent result = McpJson.fromTree(
                json(
                        "{\"type\":\"tool_result\",\"toolUseId\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"18C\"}],"
                                + "\"isError\":true}"),
                SamplingContent.class);
        assertThat(result).isInstanceOf(ToolResultContent.class);
        ToolResultContent tr = (ToolResultContent) result;
        assertThat(tr.content()).containsExactly(TextContent.of("18C"));
        assertThat(tr.isError()).isTrue();
        assertThat(McpJson.toTree(tr).has("isError")).isTrue();
    }

    @Test
    void factoriesWriteTheDiscriminator() {
        assertSameJson(McpJson.toTree(TextContent.of("hi")), json("{\"type\":\"text\",\"text\":\"hi\"}"));
        assertSameJson(
                McpJson.toTree(ImageContent.of("AA==", "image/png")),
                json("{\"type\":\"image\",\"data\":\"AA==\",\"mimeType\":\"image/png\"}"));
        assertSameJson(
                McpJson.toTree(AudioContent.of("AA==", "audio/wav")),
                json("{\"type\":\"audio\",\"data\":\"AA==\",\"mimeType\":\"audio/wav\"}"));
        assertSameJson(
                McpJson.toTree(ResourceLink.of("file:///a", "a")),
                json("{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"}"));
        assertSameJson(
                McpJson.toTree(EmbeddedResource.of(BlobResourceContents.of("file:///b", null, "AA=="))),
                json("{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///b\",\"blob\":\"AA==\"}}"));
    }

    @Test
    void missingTypeIsAnError() {
        assertThatThrownBy(() -> McpJson.fromTree(json("{\"text\":\"hi\"}"), ContentBlock.class))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("missing \"type\"");
    }

    // ---- resource contents

    @Test
    void resourceContentsAreChosenByTextOrBlob() {
        assertThat(McpJson.fromTree(json("{\"uri\":\"u\",\"text\":\"t\"}"), ResourceContents.class))
                .isEqualTo(TextResourceContents.of("u", null, "t"));
        assertThat(McpJson.fromTree(
                        json("{\"uri\":\"u\",\"mimeType\":\"image/png\",\"blob\":\"AA==\"}"), ResourceContents.class))
                .isEqualTo(BlobResourceContents.of("u", "image/png", "AA=="));
        assertThatThrownBy(() -> McpJson.fromTree(json("{\"uri\":\"u\"}"), ResourceContents.class))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("neither");
    }

    // ---- elicitation schemas

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"string\",\"format\":\"email\"}|StringSchema",
                "{\"type\":\"integer\",\"minimum\":1}|NumberSchema",
                "{\"type\":\"number\",\"default\":0.5}|NumberSchema",
                "{\"type\":\"boolean\",\"default\":false}|BooleanSchema",
                "{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}|UntitledSingleSelectEnumSchema",
                "{\"type\":\"string\",\"oneOf\":[{\"const\":\"a\",\"title\":\"A\"}]}|TitledSingleSelectEnumSchema",
                "{\"type\":\"string\",\"enum\":[\"a\"],\"enumNames\":[\"A\"]}|LegacyTitledEnumSchema",
                "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"a\"]},\"maxItems\":1}|UntitledMultiSelectEnumSchema",
                "{\"type\":\"array\",\"items\":{\"anyOf\":[{\"const\":\"a\",\"title\":\"A\"}]}}|TitledMultiSelectEnumSchema"
            })
    void elicitationSchemaIsChosenByShape(String wire, String expectedClass) {
        PrimitiveSchemaDefinition schema = McpJson.fromTree(json(wire), PrimitiveSchemaDefinition.class);
        assertThat(schema.getClass().getSimpleName()).isEqualTo(expectedClass);
        assertSameJson(McpJson.toTree(schema), json(wire));
    }

    @Test
    void elicitationSchemaFieldsAreTyped() {
        var multi = (TitledMultiSelectEnumSchema) McpJson.fromTree(
                json("{\"type\":\"array\",\"title\":\"C\",\"minItems\":1,\"items\":{\"anyOf\":"
                        + "[{\"const\":\"#f00\",\"title\":\"Red\"}]},\"default\":[\"#f00\"]}"),
                PrimitiveSchemaDefinition.class);
        assertThat(multi.items().anyOf().get(0).value()).isEqualTo("#f00");
        assertThat(multi.defaultValue()).containsExactly("#f00");
        assertThat(multi.minItems()).isEqualTo(1);

        var num = (NumberSchema)
                McpJson.fromTree(json("{\"type\":\"integer\",\"default\":5}"), PrimitiveSchemaDefinition.class);
        assertThat(num.type()).isEqualTo("integer");
        assertThat(num.defaultValue().intValue()).isEqualTo(5);
        assertThat(McpJson.write(num)).contains("\"default\":5").doesNotContain("5.0");

        assertThat(McpJson.fromTree(
                        json("{\"oneOf\":[{\"const\":\"a\",\"title\":\"A\"}]}"), PrimitiveSchemaDefinition.class))
                .isInstanceOf(TitledSingleSelectEnumSchema.class);
        assertThat(McpJson.fromTree(json("{\"type\":\"string\"}"), PrimitiveSchemaDefinition.class))
                .isInstanceOf(StringSchema.class);
        assertThat(McpJson.fromTree(json("{\"type\":\"boolean\"}"), PrimitiveSchemaDefinition.class))
                .isInstanceOf(BooleanSchema.class);
        assertThat(McpJson.fromTree(json("{\"type\":\"string\",\"enum\":[\"x\"]}"), PrimitiveSchemaDefinition.class))
                .isInstanceOf(UntitledSingleSelectEnumSchema.class);
        assertThat(McpJson.fromTree(
                        json("{\"type\":\"string\",\"enum\":[\"x\"],\"enumNames\":[\"X\"]}"),
                        PrimitiveSchemaDefinition.class))
                .isInstanceOf(LegacyTitledEnumSchema.class);
        assertThat(McpJson.fromTree(
                        json("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"x\"]}}"),
                        PrimitiveSchemaDefinition.class))
                .isInstanceOf(UntitledMultiSelectEnumSchema.class);
    }

    @Test
    void nestedObjectSchemasAreRejected() {
        assertThatThrownBy(() -> McpJson.fromTree(json("{\"type\":\"object\"}"), PrimitiveSchemaDefinition.class))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("unsupported type \"object\"");
    }

    @Test
    void elicitRequestModeDecidesTheVariant() {
        ElicitRequest form = McpJson.fromTree(
                json("{\"message\":\"m\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{}}}"),
                ElicitRequest.class);
        assertThat(form).isInstanceOf(FormElicitRequest.class);
        assertThat(((FormElicitRequest) form).mode()).isNull();
        assertThat(McpJson.toTree(form).has("mode")).isFalse();

        ElicitRequest url = McpJson.fromTree(
                json("{\"mode\":\"url\",\"message\":\"m\",\"elicitationId\":\"e1\",\"url\":\"https://x\"}"),
                ElicitRequest.class);
        assertThat(url).isEqualTo(UrlElicitRequest.of("m", "e1", "https://x"));
        assertThat(McpJson.toTree(url).get("mode").stringValue()).isEqualTo("url");

        assertThatThrownBy(
                        () -> McpJson.fromTree(json("{\"mode\":\"telepathy\",\"message\":\"m\"}"), ElicitRequest.class))
                .isInstanceOf(McpException.class);
    }

    // ---- sampling content shape

    @Test
    void samplingMessageKeepsSingleBlockAndArrayShapes() {
        SamplingMessage single = SamplingMessage.of(Role.USER, TextContent.of("hi"));
        assertThat(McpJson.toTree(single).get("content").isObject()).isTrue();

        SamplingMessage array = SamplingMessage.of(Role.USER, List.of(TextContent.of("hi")));
        assertThat(McpJson.toTree(array).get("content").isArray()).isTrue();
        assertThat(array.content()).isEqualTo(single.content());

        SamplingMessage decodedArray = McpJson.fromTree(
                json("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}"),
                SamplingMessage.class);
        assertThat(decodedArray.singleBlock()).isFalse();
        assertThat(decodedArray.role()).isEqualTo(Role.ASSISTANT);
        SamplingMessage decodedSingle = McpJson.fromTree(
                json("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"a\"}}"), SamplingMessage.class);
        assertThat(decodedSingle.singleBlock()).isTrue();
        assertThat(decodedSingle.content()).isEqualTo(decodedArray.content());
    }

    @Test
    void singleBlockNeedsExactlyOneBlock() {
        assertThatThrownBy(() -> new SamplingMessage(Role.USER, List.of(), true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createMessageResultKeepsShapeAndOpenStopReason() {
        CreateMessageResult r = McpJson.fromTree(
                json("{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"1\",\"name\":\"t\","
                        + "\"input\":{}}],\"model\":\"m\",\"stopReason\":\"provider_specific\"}"),
                CreateMessageResult.class);
        assertThat(r.stopReason()).isEqualTo("provider_specific");
        assertThat(r.singleBlock()).isFalse();
        assertThat(r.content()).hasOnlyElementsOfType(ToolUseContent.class);
        assertThat(McpJson.toTree(CreateMessageResult.of(
                                Role.ASSISTANT, TextContent.of("x"), "m", CreateMessageResult.STOP_END_TURN))
                        .get("content")
                        .isObject())
                .isTrue();
    }

    // ---- progress tokens and request ids

    @Test
    void progressTokensKeepTheirJsonType() {
        assertThat(ProgressToken.of(1)).isEqualTo(ProgressToken.of(1L));
        assertThat(ProgressToken.of(1)).isNotEqualTo(ProgressToken.of("1"));

        ProgressNotification n =
                McpJson.fromTree(json("{\"progressToken\":1,\"progress\":0.5}"), ProgressNotification.class);
        assertThat(n.progressToken()).isEqualTo(ProgressToken.of(1));
        assertThat(McpJson.toTree(n).get("progressToken").isIntegralNumber()).isTrue();

        ProgressNotification s =
                McpJson.fromTree(json("{\"progressToken\":\"1\",\"progress\":2}"), ProgressNotification.class);
        assertThat(s.progressToken()).isEqualTo(ProgressToken.of("1"));
        assertThat(McpJson.toTree(s).get("progressToken").isString()).isTrue();

        assertThatThrownBy(() ->
                        McpJson.fromTree(json("{\"progressToken\":true,\"progress\":1}"), ProgressNotification.class))
                .isInstanceOf(McpException.class);
    }

    @Test
    void cancelledRequestIdKeepsItsJsonType() {
        CancelledNotification num = McpJson.fromTree(json("{\"requestId\":7}"), CancelledNotification.class);
        assertThat(num.requestId()).isEqualTo(RequestId.of(7));
        CancelledNotification str = McpJson.fromTree(json("{\"requestId\":\"7\"}"), CancelledNotification.class);
        assertThat(str.requestId()).isEqualTo(RequestId.of("7"));
        assertThat(McpJson.write(CancelledNotification.of(RequestId.of(3), null)))
                .isEqualTo("{\"requestId\":3}");
        JsonRpcNotification message =
                CancelledNotification.of(RequestId.of("r"), "gone").toNotification();
        assertThat(message.method()).isEqualTo(McpMethods.NOTIFICATION_CANCELLED);
        assertThat(McpJson.write(message.params())).isEqualTo("{\"requestId\":\"r\",\"reason\":\"gone\"}");
    }

    // ---- tasks

    @Test
    void nullTtlIsWrittenAsJsonNull() {
        Task task = Task.builder("t1", TaskStatus.WORKING, "2025-11-25T10:30:00Z", "2025-11-25T10:30:00Z")
                .build();
        JsonNode tree = McpJson.toTree(task);
        assertThat(tree.has("ttl")).isTrue();
        assertThat(tree.get("ttl").isNull()).isTrue();
        assertThat(tree.has("statusMessage")).isFalse();
        assertThat(McpJson.toTree(GetTaskResult.of(task, null)).get("ttl").isNull())
                .isTrue();

        Task decoded = McpJson.fromTree(tree, Task.class);
        assertThat(decoded).isEqualTo(task);
        assertThat(TaskStatus.CANCELLED.isTerminal()).isTrue();
        assertThat(TaskStatus.INPUT_REQUIRED.isTerminal()).isFalse();
    }

    // ---- capabilities

    @Test
    void emptyCapabilityObjectsStayDistinctFromAbsent() {
        ServerCapabilities caps =
                ServerCapabilities.builder().logging().tools(false).build();
        assertSameJson(McpJson.toTree(caps), json("{\"logging\":{},\"tools\":{}}"));
        assertSameJson(McpJson.toTree(ServerCapabilities.none()), json("{}"));

        ServerCapabilities decoded =
                McpJson.fromTree(json("{\"logging\":{},\"prompts\":{}}"), ServerCapabilities.class);
        assertThat(decoded.logging()).isNotNull();
        assertThat(decoded.prompts()).isNotNull();
        assertThat(decoded.completions()).isNull();
        assertThat(decoded.tools()).isNull();

        ClientCapabilities client =
                McpJson.fromTree(json("{\"elicitation\":{},\"roots\":{}}"), ClientCapabilities.class);
        assertThat(client.elicitation().supportsForm()).isTrue();
        assertThat(client.elicitation().supportsUrl()).isFalse();
        assertThat(client.sampling()).isNull();
        assertSameJson(McpJson.toTree(client), json("{\"elicitation\":{},\"roots\":{}}"));

        ClientCapabilities tasks = McpJson.fromTree(
                json("{\"tasks\":{\"requests\":{\"sampling\":{\"createMessage\":{}}}}}"), ClientCapabilities.class);
        assertThat(tasks.tasks().supportsRequest("sampling", "createMessage")).isTrue();
        assertThat(tasks.tasks().supportsRequest("elicitation", "create")).isFalse();
    }

    // ---- 2026-07-28 meta and multi-round-trip

    @Test
    void requestMetaReadsAndWritesReservedKeysAndKeepsOthers() {
        JsonNode meta = json("{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"c\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/logLevel\":\"error\",\"progressToken\":5,\"com.example/x\":[1]}");
        RequestMeta rm = RequestMeta.from(meta);
        assertThat(rm.protocolVersion()).isEqualTo("2026-07-28");
        assertThat(rm.clientCapabilities().elicitation()).isNotNull();
        assertThat(rm.clientInfo()).isEqualTo(Implementation.of("c", "1"));
        assertThat(rm.logLevel()).isEqualTo(LoggingLevel.ERROR);
        assertThat(rm.progressToken()).isEqualTo(ProgressToken.of(5));
        assertThat(rm.hasRequiredStatelessKeys()).isTrue();
        assertSameJson(rm.writeTo(json("{\"com.example/x\":[1]}")), meta);

        assertThat(RequestMeta.from(null).hasRequiredStatelessKeys()).isFalse();
        assertThat(RequestMeta.from(json("{\"progressToken\":\"p\"}")).protocolVersion())
                .isNull();
    }

    @Test
    void resultMetaCarriesServerInfo() {
        JsonNode meta = ResultMeta.withServerInfo(json("{\"k\":1}"), Implementation.of("s", "2"));
        assertThat(meta.get("k").intValue()).isEqualTo(1);
        assertThat(ResultMeta.serverInfo(meta)).isEqualTo(Implementation.of("s", "2"));
        assertThat(ResultMeta.serverInfo(null)).isNull();
    }

    @Test
    void inputResponsesAreRecognisedByShape() {
        assertThat(McpJson.fromTree(json("{\"action\":\"accept\",\"content\":{\"n\":[\"a\"]}}"), InputResponse.class))
                .isInstanceOf(InputResponse.Elicitation.class);
        assertThat(McpJson.fromTree(json("{\"roots\":[{\"uri\":\"file:///a\"}]}"), InputResponse.class))
                .isInstanceOf(InputResponse.ListRoots.class);
        assertThat(McpJson.fromTree(
                        json("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"x\"},\"model\":\"m\"}"),
                        InputResponse.class))
                .isInstanceOf(InputResponse.Sampling.class);
        assertThatThrownBy(() -> McpJson.fromTree(json("{\"foo\":1}"), InputResponse.class))
                .isInstanceOf(McpException.class);
    }

    @Test
    void inputRequestsAreChosenByMethod() {
        InputRequest r = McpJson.fromTree(json("{\"method\":\"roots/list\"}"), InputRequest.class);
        assertThat(r).isEqualTo(InputRequest.listRoots());
        assertSameJson(McpJson.toTree(r), json("{\"method\":\"roots/list\"}"));
        assertThatThrownBy(() -> McpJson.fromTree(json("{\"method\":\"tools/call\"}"), InputRequest.class))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("tools/call");
    }

    @Test
    void resultTypeIsOpenAndAbsentMeansComplete() {
        CallToolResult plain = McpJson.fromTree(json("{\"content\":[]}"), CallToolResult.class);
        assertThat(ResultType.isComplete(plain.resultType())).isTrue();
        CallToolResult odd =
                McpJson.fromTree(json("{\"content\":[],\"resultType\":\"future_kind\"}"), CallToolResult.class);
        assertThat(odd.resultType().value()).isEqualTo("future_kind");
        assertThat(ResultType.isComplete(odd.resultType())).isFalse();
        assertThat(ResultType.of("input_required")).isSameAs(ResultType.INPUT_REQUIRED);
        CallToolResult missingContent = McpJson.fromTree(json("{}"), CallToolResult.class);
        assertThat(missingContent.content()).isEmpty();
    }

    // ---- misc wire details

    @Test
    void callToolResultUsesIsErrorAndNeverWritesNulls() {
        assertSameJson(
                McpJson.toTree(CallToolResult.error("boom")),
                json("{\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"isError\":true}"));
        assertThat(McpJson.write(CallToolResult.text("ok"))).doesNotContain("null");
    }

    @Test
    void metaAndSchemasArePreservedVerbatim() {
        String wire = "{\"content\":[],\"structuredContent\":{\"$schema\":\"x\",\"n\":null,\"a\":[1.25,{\"b\":false}]},"
                + "\"_meta\":{\"io.example/deep\":{\"list\":[null,1,\"s\"],\"big\":12345678901234}}}";
        JsonAssertions.roundTrip(wire, CallToolResult.class);
    }

    @Test
    void completionReferencesAreChosenByType() {
        CompleteRequest p = McpJson.fromTree(
                json(
                        "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":\"v\"}}"),
                CompleteRequest.class);
        assertThat(p.ref()).isEqualTo(PromptReference.of("p"));
        CompleteRequest r = McpJson.fromTree(
                json(
                        "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"file:///{p}\"},\"argument\":{\"name\":\"p\",\"value\":\"\"}}"),
                CompleteRequest.class);
        assertThat(r.ref()).isEqualTo(ResourceTemplateReference.of("file:///{p}"));
    }

    @Test
    void loggingLevelsAreOrderedBySeverity() {
        assertThat(LoggingLevel.ERROR.isAtLeast(LoggingLevel.WARNING)).isTrue();
        assertThat(LoggingLevel.DEBUG.isAtLeast(LoggingLevel.INFO)).isFalse();
        assertThat(LoggingLevel.fromWire("emergency")).isEqualTo(LoggingLevel.EMERGENCY);
        assertThat(McpJson.write(LoggingLevel.NOTICE)).isEqualTo("\"notice\"");
        assertThatThrownBy(() -> McpJson.fromTree(json("\"verbose\""), LoggingLevel.class))
                .isInstanceOf(McpException.class);
    }

    @Test
    void elicitResultContentKeepsValueTypes() {
        var result = McpJson.fromTree(
                json("{\"action\":\"accept\",\"content\":{\"s\":\"x\",\"n\":2,\"b\":true,\"l\":[\"a\",\"b\"]}}"),
                dev.jmcp.core.protocol.elicitation.ElicitResult.class);
        Map<String, JsonNode> c = result.content();
        assertThat(c.get("s").isString()).isTrue();
        assertThat(c.get("n").isNumber()).isTrue();
        assertThat(c.get("b").isBoolean()).isTrue();
        assertThat(c.get("l").isArray()).isTrue();
    }
}
