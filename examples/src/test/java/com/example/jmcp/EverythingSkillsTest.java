package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.server.EverythingServer;
import com.example.jmcp.server.Serving;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.SkillsClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The everything-server publishes its class-path skill (Skills, SEP-2640), read verified in both eras. */
class EverythingSkillsTest {
    static McpServer server;
    static McpHttpServer http;

    @BeforeAll
    static void start() {
        server = EverythingServer.create();
        http = Serving.http(server, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = ProtocolVersion.class,
            names = {"V2025_11_25", "V2026_07_28"})
    void theEverythingSkillIsListedAndReadsVerified(ProtocolVersion version) {
        try (McpClient c = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(version)
                .requestTimeout(Duration.ofSeconds(20))
                .build()) {
            c.connect();
            SkillsClient skills = SkillsClient.of(c);
            List<Skill> all = skills.listAll();
            assertThat(all).extracting(Skill::uri).containsExactly("skill://jmcp-everything/SKILL.md");
            assertThat(skills.load(all.get(0)).text()).contains("references/tools.md");
            assertThat(skills.read(all.get(0), "skill://jmcp-everything/references/tools.md")
                            .text())
                    .contains("test_sampling");
        }
    }
}
