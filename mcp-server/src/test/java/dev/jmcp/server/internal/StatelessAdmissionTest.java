package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatelessAdmissionTest {
    static JsonNode meta(String extra) {
        return McpJson.parse("{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"" + extra + "}");
    }

    static McpRpcException rejected(String method, JsonNode meta) {
        return catchThrowableOfType(McpRpcException.class, () -> StatelessAdmission.admit(method, meta));
    }

    @Test
    void aWellFormedMetaIsAdmittedWithItsDeclarations() {
        StatelessAdmission.Admitted a = StatelessAdmission.admit(
                "tools/list",
                meta(",\"io.modelcontextprotocol/clientCapabilities\":{\"roots\":{}},"
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"c\",\"version\":\"1\"},"
                        + "\"io.modelcontextprotocol/logLevel\":\"debug\""));
        assertThat(a.version().isStateless()).isTrue();
        assertThat(a.capabilities().has("roots")).isTrue();
        assertThat(a.clientInfo().get("name").asString()).isEqualTo("c");
        assertThat(a.logLevel()).isEqualTo("debug");
    }

    @Test
    void anUnsupportedRevisionListsTheSupportedOnes() {
        McpRpcException e = rejected(
                "tools/list",
                McpJson.parse("{\"io.modelcontextprotocol/protocolVersion\":\"2025-11-25\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}"));
        assertThat(e.code()).isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(e.error().data().get("supported").toString()).contains("2026-07-28");
        assertThat(e.error().data().get("requested").asString()).isEqualTo("2025-11-25");
    }

    @Test
    void capabilitiesAreRequired() {
        assertThat(rejected("tools/list", meta("")).code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    }

    @Test
    void malformedClientInfoAndLogLevelAreInvalidParams() {
        String caps = ",\"io.modelcontextprotocol/clientCapabilities\":{}";
        assertThat(rejected("tools/list", meta(caps + ",\"io.modelcontextprotocol/clientInfo\":\"x\""))
                        .code())
                .isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(rejected("tools/list", meta(caps + ",\"io.modelcontextprotocol/logLevel\":\"loud\""))
                        .code())
                .isEqualTo(ErrorCodes.INVALID_PARAMS);
    }

    @Test
    void methodsTheRevisionRemovedAreNotFound() {
        String caps = ",\"io.modelcontextprotocol/clientCapabilities\":{}";
        assertThat(rejected("initialize", meta(caps)).code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        assertThat(rejected("resources/subscribe", meta(caps)).code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        ProtocolVersion v = ProtocolVersion.parse("2026-07-28").orElseThrow();
        assertThat(StatelessAdmission.isRemoved(v, "ping")).isEqualTo(!v.hasPing());
        assertThat(StatelessAdmission.isRemoved(v, "tools/call")).isFalse();
    }
}
