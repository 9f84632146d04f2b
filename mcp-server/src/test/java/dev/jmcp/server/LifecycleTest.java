package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LifecycleTest {
    private final McpServer server = McpServer.builder()
            .name("test")
            .version("1.2.3")
            .instructions("be nice")
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void initializeEchoesSupportedVersionAndReturnsServerInfo() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call(
                    "initialize",
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}");
            assertThat(r.get("protocolVersion").asString()).isEqualTo("2025-06-18");
            assertThat(r.get("serverInfo").get("name").asString()).isEqualTo("test");
            assertThat(r.get("serverInfo").get("version").asString()).isEqualTo("1.2.3");
            assertThat(r.get("instructions").asString()).isEqualTo("be nice");
            assertThat(c.serverSession.isInitialized()).isTrue();
            assertThat(c.serverSession.protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);
        }
    }

    @Test
    void initializeWithUnknownVersionAnswersLatestHandshake() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call("initialize", "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{}}");
            assertThat(r.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        }
    }

    @Test
    void requestBeforeInitializeIsRefusedButPingIsServed() {
        try (RawClient c = RawClient.connect(server)) {
            assertThat(c.error("tools/list", "{}").code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
            assertThat(c.call("ping", (String) null).size()).isZero();
        }
    }

    @Test
    void pingAndSetLevelReturnExactlyEmptyObjects() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            assertThat(c.call("ping", (String) null).toString()).isEqualTo("{}");
            assertThat(c.call("logging/setLevel", "{\"level\":\"info\"}").toString())
                    .isEqualTo("{}");
            assertThat(c.error("logging/setLevel", "{\"level\":\"loud\"}").code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void secondInitializeIsRefused() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            assertThat(c.error("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}")
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_REQUEST);
        }
    }

    @Test
    void discoverListsTheStatelessVersionsWithServerInfoInMetaAndCompleteResultType() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call26("server/discover", null);
            assertThat(r.get("supportedVersions")).containsExactly(McpJson.parse("\"2026-07-28\""));
            assertThat(r.has("serverInfo")).isFalse();
            assertThat(r.get("capabilities").isObject()).isTrue();
            assertThat(r.get("resultType").asString()).isEqualTo("complete");
            assertThat(r.get("_meta")
                            .get("io.modelcontextprotocol/serverInfo")
                            .get("name")
                            .asString())
                    .isEqualTo("test");
        }
    }

    @Test
    void statelessRequestsNeedCapabilitiesAndAKnownVersion() {
        try (RawClient c = RawClient.connect(server)) {
            assertThat(c.error("tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}")
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void unsupportedStatelessVersionIsMinus32022WithSupportedList() {
        try (RawClient c = RawClient.connect(server)) {
            var p = RawClient.with26Meta(null, "{}");
            ((tools.jackson.databind.node.ObjectNode) p.get("_meta"))
                    .put("io.modelcontextprotocol/protocolVersion", "2030-01-01");
            var err = c.error("server/discover", p);
            assertThat(err.code()).isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
            assertThat(err.data().get("supported").toString()).contains("2026-07-28");
            assertThat(err.data().get("requested").asString()).isEqualTo("2030-01-01");
        }
    }

    @Test
    void pingAndSetLevelAreNotOfferedIn2026() {
        try (RawClient c = RawClient.connect(server)) {
            assertThat(c.error("ping", RawClient.with26Meta(null, "{}")).code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
            assertThat(c.error("logging/setLevel", RawClient.with26Meta("{\"level\":\"info\"}", "{}"))
                            .code())
                    .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        }
    }

    @Test
    void closingTheServerClosesSessions() throws Exception {
        RawClient c = RawClient.connect(server).initialize();
        server.close();
        c.serverSession.closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(c.session.closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isNull();
    }
}
