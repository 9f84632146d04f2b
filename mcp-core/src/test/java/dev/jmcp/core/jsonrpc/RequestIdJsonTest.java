package dev.jmcp.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.ProgressToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RequestIdJsonTest {

    @Test
    void stringAndIntegerIdsRoundTripWithTheirJsonType() {
        assertThat(RequestId.fromJson(McpJson.parse("\"7\""))).isEqualTo(RequestId.of("7"));
        assertThat(RequestId.fromJson(McpJson.parse("7"))).isEqualTo(RequestId.of(7));
        assertThat(RequestId.of(7).toJson().isIntegralNumber()).isTrue();
        assertThat(RequestId.of("7").toJson().isString()).isTrue();
        assertThat(RequestId.fromJson(RequestId.of(Long.MAX_VALUE).toJson())).isEqualTo(RequestId.of(Long.MAX_VALUE));
        assertThat(RequestId.fromJson(RequestId.of("x").toJson())).isEqualTo(RequestId.of("x"));
    }

    @Test
    void idsAreEqualByValueAndJsonTypeWithMatchingHashCodes() {
        assertThat(RequestId.of(7)).isEqualTo(RequestId.of(7L)).hasSameHashCodeAs(RequestId.of(7L));
        assertThat(RequestId.of("7")).isEqualTo(RequestId.of("7")).hasSameHashCodeAs(RequestId.of("7"));
        assertThat(RequestId.of(7)).isNotEqualTo(RequestId.of("7")).isNotEqualTo(RequestId.of(8));
        assertThat(RequestId.of("7")).isNotEqualTo(RequestId.of(7)).isNotEqualTo(RequestId.of("8"));
        assertThat(RequestId.of(7)).isNotEqualTo(null);
        assertThat(java.util.Set.of(RequestId.of(1), RequestId.of("1"))).contains(RequestId.of(1L), RequestId.of("1"));
    }

    @Test
    void aNumberWithAnIntegralValueIsAnIntegerId() {
        assertThat(RequestId.fromJson(McpJson.parse("1.0"))).isEqualTo(RequestId.of(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "1.5", "true", "{}", "[1]", "99999999999999999999999"})
    void anythingElseIsNoId(String json) {
        assertThat(RequestId.fromJson(McpJson.parse(json))).isNull();
        assertThat(ProgressToken.fromJson(McpJson.parse(json))).isNull();
    }

    @Test
    void anAbsentNodeIsNoId() {
        assertThat(RequestId.fromJson(null)).isNull();
        assertThat(ProgressToken.fromJson(null)).isNull();
    }

    @Test
    void progressTokensShareTheSameRules() {
        JsonNode number = McpJson.parse("3");
        assertThat(ProgressToken.fromJson(number)).isEqualTo(ProgressToken.of(3));
        assertThat(ProgressToken.fromJson(McpJson.parse("\"p\""))).isEqualTo(ProgressToken.of("p"));
        assertThat(ProgressToken.of(3).toJson()).isEqualTo(RequestId.of(3).toJson());
        assertThat(ProgressToken.of("p").toJson()).isEqualTo(RequestId.of("p").toJson());
    }

    @Test
    void onlyAnswersNameTheIdTheyAnswer() {
        assertThat(new JsonRpcResponse(RequestId.of(2), McpJson.object()).answeredId())
                .isEqualTo(RequestId.of(2));
        assertThat(new JsonRpcErrorResponse(RequestId.of("e"), JsonRpcError.of(-1, "x")).answeredId())
                .isEqualTo(RequestId.of("e"));
        assertThat(new JsonRpcErrorResponse(null, JsonRpcError.of(-1, "x")).answeredId())
                .isNull();
        assertThat(new JsonRpcRequest(RequestId.of(3), "m", null).answeredId()).isNull();
        assertThat(new JsonRpcNotification("m", null).answeredId()).isNull();
    }
}
