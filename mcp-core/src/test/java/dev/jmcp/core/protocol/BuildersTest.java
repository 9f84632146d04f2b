package dev.jmcp.core.protocol;

import static dev.jmcp.core.protocol.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.ResourceLink;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.EnumItems;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.PrimitiveSchemaDefinition;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.elicitation.UntitledMultiSelectEnumSchema;
import dev.jmcp.core.protocol.errors.UnsupportedProtocolVersionData;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.sampling.ToolChoice;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolAnnotations;
import dev.jmcp.core.protocol.tools.ToolExecution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildersTest {

    @Test
    void toolBuilderWritesOnlyWhatWasSet() {
        Tool tool = Tool.builder("get_weather", McpJson.parse("{\"type\":\"object\"}"))
                .title("Weather")
                .annotations(ToolAnnotations.builder().readOnlyHint(true).build())
                .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                .build();
        assertSameJson(
                McpJson.toTree(tool),
                McpJson.parse("{\"name\":\"get_weather\",\"title\":\"Weather\",\"inputSchema\":{\"type\":\"object\"},"
                        + "\"annotations\":{\"readOnlyHint\":true},\"execution\":{\"taskSupport\":\"optional\"}}"));
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThatThrownBy(() -> Tool.builder(null, McpJson.object()).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Implementation.of("n", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listResultBuilderCarriesCacheFields() {
        ListToolsResult result = ListToolsResult.builder(List.of())
                .ttlMs(300L)
                .cacheScope(CacheScope.PRIVATE)
                .resultType(ResultType.COMPLETE)
                .build();
        assertSameJson(
                McpJson.toTree(result),
                McpJson.parse("{\"tools\":[],\"ttlMs\":300,\"cacheScope\":\"private\",\"resultType\":\"complete\"}"));
    }

    @Test
    void inputRequiredCallToolResultFromBuilder() {
        FormElicitRequest ask = FormElicitRequest.of(
                "Name?",
                RequestedSchema.of(Map.of("name", StringSchema.builder().build()), List.of("name")));
        CallToolResult result = CallToolResult.builder()
                .resultType(ResultType.INPUT_REQUIRED)
                .inputRequests(Map.of("n", InputRequest.elicitation(ask)))
                .requestState("s1")
                .build();
        assertThat(result.content()).isNull();
        assertSameJson(
                McpJson.toTree(result),
                McpJson.parse(
                        "{\"resultType\":\"input_required\",\"requestState\":\"s1\",\"inputRequests\":{\"n\":"
                                + "{\"method\":\"elicitation/create\",\"params\":{\"message\":\"Name?\",\"requestedSchema\":"
                                + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}}}"));
    }

    @Test
    void createMessageRequestBuilder() {
        CreateMessageRequest req = CreateMessageRequest.builder(
                        List.of(SamplingMessage.of(Role.USER, TextContent.of("hi"))), 50)
                .toolChoice(ToolChoice.of(ToolChoice.Mode.NONE))
                .build();
        assertSameJson(
                McpJson.toTree(req),
                McpJson.parse("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],"
                        + "\"maxTokens\":50,\"toolChoice\":{\"mode\":\"none\"}}"));
    }

    @Test
    void requestedSchemaKeepsPropertyOrder() {
        Map<String, PrimitiveSchemaDefinition> props = new LinkedHashMap<>();
        props.put("b", StringSchema.builder().title("B").build());
        props.put(
                "a",
                UntitledMultiSelectEnumSchema.builder(EnumItems.of(List.of("x", "y")))
                        .maxItems(1)
                        .build());
        String json = McpJson.write(RequestedSchema.of(props, null));
        assertThat(json.indexOf("\"b\"")).isLessThan(json.indexOf("\"a\""));
        assertThat(McpJson.fromTree(McpJson.parse(json), RequestedSchema.class).properties())
                .containsExactlyEntriesOf(props);
    }

    @Test
    void capabilityBuildersAndErrorData() {
        assertSameJson(
                McpJson.toTree(ClientCapabilities.builder()
                        .roots(true)
                        .sampling(ClientCapabilities.SamplingFeature.TOOLS)
                        .elicitation(ClientCapabilities.ElicitationMode.FORM, ClientCapabilities.ElicitationMode.URL)
                        .build()),
                McpJson.parse("{\"roots\":{\"listChanged\":true},\"sampling\":{\"tools\":{}},"
                        + "\"elicitation\":{\"form\":{},\"url\":{}}}"));
        assertSameJson(
                McpJson.toTree(ServerCapabilities.builder()
                        .resources(ServerCapabilities.ResourceFeature.SUBSCRIBE)
                        .build()),
                McpJson.parse("{\"resources\":{\"subscribe\":true}}"));
        assertSameJson(
                McpJson.toTree(UnsupportedProtocolVersionData.of(List.of("2026-07-28"), "1999-01-01")),
                McpJson.parse("{\"supported\":[\"2026-07-28\"],\"requested\":\"1999-01-01\"}"));
    }

    @Test
    void contentBuildersWriteOnlyWhatWasSet() {
        assertSameJson(
                McpJson.toTree(ResourceLink.of(Resource.builder("file:///a", "a")
                        .mimeType("text/plain")
                        .size(3L)
                        .build())),
                McpJson.parse("{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\","
                        + "\"mimeType\":\"text/plain\",\"size\":3}"));
        assertSameJson(
                McpJson.toTree(ImageContent.builder("AA==", "image/png")
                        .annotations(new Annotations(List.of(Role.USER), null, null))
                        .build()),
                McpJson.parse("{\"type\":\"image\",\"data\":\"AA==\",\"mimeType\":\"image/png\","
                        + "\"annotations\":{\"audience\":[\"user\"]}}"));
        assertThat(Icon.builder("https://x/i.png").theme(Icon.Theme.DARK).build())
                .isEqualTo(new Icon("https://x/i.png", null, null, Icon.Theme.DARK));
    }

    @Test
    void samplingBuildersKeepTheContentShape() {
        CreateMessageResult single = CreateMessageResult.builder(Role.ASSISTANT, TextContent.of("x"), "m")
                .stopReason(CreateMessageResult.STOP_END_TURN)
                .build();
        assertThat(McpJson.toTree(single).get("content").isObject()).isTrue();
        assertThat(single).isEqualTo(CreateMessageResult.of(Role.ASSISTANT, TextContent.of("x"), "m", "endTurn"));
        SamplingMessage many =
                SamplingMessage.builder(Role.USER, List.of(TextContent.of("a"))).build();
        assertThat(McpJson.toTree(many).get("content").isArray()).isTrue();
    }

    @Test
    void requestMetaBuilderWritesTheReservedKeys() {
        RequestMeta meta = RequestMeta.builder()
                .protocolVersion("2026-07-28")
                .clientInfo(Implementation.of("c", "1"))
                .progressToken(ProgressToken.of(4))
                .build();
        assertSameJson(
                meta.toMeta(),
                McpJson.parse("{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"c\",\"version\":\"1\"},"
                        + "\"progressToken\":4}"));
        assertThat(RequestMeta.from(meta.toMeta())).isEqualTo(meta);
    }

    @Test
    void taskNotificationBuilderWritesANullTtl() {
        TaskStatusNotification n = TaskStatusNotification.of(
                Task.builder("t", TaskStatus.WORKING, "c", "u").pollInterval(5L).build(), null);
        assertSameJson(
                McpJson.toTree(n),
                McpJson.parse("{\"taskId\":\"t\",\"status\":\"working\",\"createdAt\":\"c\","
                        + "\"lastUpdatedAt\":\"u\",\"ttl\":null,\"pollInterval\":5}"));
    }
}
