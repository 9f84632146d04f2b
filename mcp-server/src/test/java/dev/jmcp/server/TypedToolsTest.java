package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TypedToolsTest {
    enum Unit {
        METRIC,
        IMPERIAL
    }

    record Address(@Description("street name") String street, String city) {}

    record Order(
            @Description("how many") int quantity,
            Unit unit,
            Optional<String> note,
            List<Address> addresses,
            double price) {}

    record Receipt(int items, String summary) {}

    final McpServer server = McpServer.builder()
            .tool(TypedTools.of(
                    "order",
                    "Places an order",
                    Order.class,
                    Receipt.class,
                    (in, ctx) -> new Receipt(
                            in.quantity(),
                            in.unit() + "/" + in.note().orElse("none") + "/"
                                    + in.addresses().size())))
            .tool(TypedTools.of(
                    "echo", "Echoes", Address.class, String.class, (in, ctx) -> in.street() + "," + in.city()))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void inputSchemaIsGeneratedFromTheRecord() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode tool = c.call("tools/list", "{}").get("tools").get(0);
            JsonNode in = tool.get("inputSchema");
            assertThat(in.get("type").asString()).isEqualTo("object");
            assertThat(in.get("properties").get("quantity").get("type").asString())
                    .isEqualTo("integer");
            assertThat(in.get("properties").get("quantity").get("description").asString())
                    .isEqualTo("how many");
            assertThat(in.get("properties").get("unit").get("enum").toString()).isEqualTo("[\"METRIC\",\"IMPERIAL\"]");
            assertThat(in.get("properties").get("note").get("type").asString()).isEqualTo("string");
            assertThat(in.get("properties")
                            .get("addresses")
                            .get("items")
                            .get("properties")
                            .get("street")
                            .get("description")
                            .asString())
                    .isEqualTo("street name");
            assertThat(in.get("properties").get("price").get("type").asString()).isEqualTo("number");
            assertThat(in.get("required").toString())
                    .contains("quantity", "unit", "addresses", "price")
                    .doesNotContain("note");
            JsonNode out = tool.get("outputSchema");
            assertThat(out.has("$schema")).isFalse();
            assertThat(out.get("properties").get("items").get("type").asString())
                    .isEqualTo("integer");
            assertThat(in.has("$schema")).isFalse();
        }
    }

    @Test
    void argumentsAreBoundAndRecordResultsBecomeStructuredContent() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call(
                    "tools/call",
                    "{\"name\":\"order\",\"arguments\":{\"quantity\":2,\"unit\":\"METRIC\","
                            + "\"addresses\":[{\"street\":\"Main\",\"city\":\"X\"}],\"price\":1.5}}");
            assertThat(r.has("isError")).isFalse();
            assertThat(r.get("structuredContent").get("items").asInt()).isEqualTo(2);
            assertThat(r.get("structuredContent").get("summary").asString()).isEqualTo("METRIC/none/1");
            assertThat(McpJson.parse(r.get("content").get(0).get("text").asString())
                            .get("items")
                            .asInt())
                    .isEqualTo(2);
            JsonNode text = c.call("tools/call", "{\"name\":\"echo\",\"arguments\":{\"street\":\"a\",\"city\":\"b\"}}");
            assertThat(text.get("content").get(0).get("text").asString()).isEqualTo("a,b");
        }
    }

    @Test
    void badEnumsAndTypesAreErrorResults() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call(
                    "tools/call",
                    "{\"name\":\"order\",\"arguments\":{\"quantity\":2,\"unit\":\"CUBITS\","
                            + "\"addresses\":[],\"price\":1}}");
            assertThat(r.get("isError").asBoolean()).isTrue();
            JsonNode r2 = c.call(
                    "tools/call",
                    "{\"name\":\"order\",\"arguments\":{\"quantity\":\"2\",\"unit\":\"METRIC\","
                            + "\"addresses\":[],\"price\":1}}");
            assertThat(r2.get("isError").asBoolean()).isTrue();
        }
    }
}
