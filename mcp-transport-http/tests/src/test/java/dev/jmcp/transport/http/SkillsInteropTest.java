package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.SkillContent;
import dev.jmcp.client.SkillsClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.SkillsCatalog;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Interop with the Skills extension's reference TypeScript SDK ({@code @olaservo/ext-skills} on npm, SEP-2640):
 * the jmcp client reads the TypeScript server's skills verified (both eras), and the TypeScript client reads and
 * verifies a jmcp server's skills (digests, frontmatter identity, directory reads). Needs {@code node} and a
 * {@code node_modules} holding {@code @olaservo/ext-skills}, {@code @modelcontextprotocol/server},
 * {@code @modelcontextprotocol/client} and {@code @modelcontextprotocol/node}: {@code interop/node_modules}, or the
 * directory named by the environment variable {@code JMCP_SKILLS_NODE_MODULES}; skipped (not passed) without them.
 */
@Timeout(60)
class SkillsInteropTest {
    @TempDir
    static Path work;

    static Path skills;
    static Path scripts;

    @BeforeAll
    static void prepare() throws Exception {
        scripts = NodePeers.scripts(
                work,
                "JMCP_SKILLS_NODE_MODULES",
                "@olaservo/ext-skills",
                List.of("ts-skills-server-http.mjs", "ts-skills-client-http.mjs", "lib/v2-http.mjs"));
        skills = work.resolve("skills");
        write(
                skills.resolve("pdf-processing/SKILL.md"),
                "---\nname: pdf-processing\ndescription: Extract, fill, and assemble PDF documents\n"
                        + "license: Apache-2.0\nmetadata:\n  version: \"2.1.0\"\n---\n\n# PDF\n\nSee templates/.\n");
        write(skills.resolve("pdf-processing/templates/invoice.md"), "# Invoice ✓\n");
        write(skills.resolve("pdf-processing/templates/regional/eu.md"), "# EU\n");
        write(
                skills.resolve("acme/billing/refunds/SKILL.md"),
                "---\nname: refunds\ndescription: Process refunds\n---\nbody\n");
    }

    @Test
    void theJmcpClientReadsTheTypeScriptServersSkillsVerifiedInBothEras() throws Exception {
        int port = NodePeers.freePort();
        Process node = NodePeers.startServer(
                scripts.resolve("ts-skills-server-http.mjs"), String.valueOf(port), skills.toString());
        try {
            for (ProtocolVersion v : List.of(ProtocolVersion.V2025_11_25, ProtocolVersion.V2026_07_28)) {
                try (McpClient c = McpClient.builder()
                        .transport(
                                StreamableHttpClientTransport.create(URI.create("http://localhost:" + port + "/mcp")))
                        .protocolVersion(v)
                        .requestTimeout(Duration.ofSeconds(10))
                        .build()) {
                    c.connect();
                    SkillsClient sc = SkillsClient.of(c);
                    assertThat(sc.isSupported()).as(v.id()).isTrue();
                    List<Skill> all = sc.listAll();
                    assertThat(all).extracting(Skill::name).as(v.id()).contains("pdf-processing", "refunds");
                    Skill pdf = all.stream()
                            .filter(s -> "pdf-processing".equals(s.name()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(pdf.frontmatter()
                                    .path("metadata")
                                    .path("version")
                                    .asString())
                            .isEqualTo("2.1.0");
                    assertThat(sc.load(pdf).text()).contains("See templates/.");
                    for (SkillResource f : pdf.files()) {
                        SkillContent content = sc.read(pdf, f.uri());
                        assertThat(content.verified()).isTrue();
                    }
                    if (sc.supportsDirectoryRead()) {
                        List<Resource> children = sc.readDirectory(pdf.rootUri() + "/templates", null)
                                .resources();
                        assertThat(children).extracting(Resource::name).contains("invoice.md");
                    }
                    Skill again = sc.get(pdf.uri());
                    assertThat(again.files()).isEqualTo(pdf.files());
                }
            }
        } finally {
            NodePeers.stop(node);
        }
    }

    @Test
    void theTypeScriptClientReadsAndVerifiesAJmcpServersSkills() throws Exception {
        McpServer server = McpServer.builder()
                .skills(SkillsCatalog.builder().directory(skills).build())
                .build();
        try (McpHttpServer http =
                McpHttpServer.builder(server).host("127.0.0.1").port(0).start()) {
            for (String era : List.of("auto", "legacy")) {
                NodePeers.Run run = NodePeers.run(
                        scripts.resolve("ts-skills-client-http.mjs"),
                        "http://localhost:" + http.uri().getPort() + "/mcp",
                        era);
                assertThat(run.exitCode()).as(era + ": " + run.output()).isZero();
                JsonNode result = McpJson.parse(run.lastJsonLine());
                assertThat(result.path("supported").asBoolean()).isTrue();
                assertThat(result.path("directoryRead").asBoolean()).isTrue();
                assertThat(result.path("skills")).hasSize(2);
                JsonNode pdf = result.path("skills").get(1);
                assertThat(pdf.path("name").asString()).isEqualTo("pdf-processing");
                assertThat(pdf.path("files").size()).isEqualTo(2);
                assertThat(pdf.path("children").toString()).contains("skill://pdf-processing/templates");
            }
        } finally {
            server.close();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
