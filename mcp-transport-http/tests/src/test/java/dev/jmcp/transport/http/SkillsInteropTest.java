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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
        Path modules = nodeModules();
        Assumptions.assumeTrue(
                modules != null && Files.isDirectory(modules.resolve("@olaservo/ext-skills")),
                "no node_modules with @olaservo/ext-skills (set JMCP_SKILLS_NODE_MODULES)");
        Assumptions.assumeTrue(nodeRuns(), "node is not installed");
        // the scripts resolve their imports from a node_modules beside them
        scripts = Files.createDirectories(work.resolve("scripts"));
        Path interop = repoRoot().resolve("interop");
        Files.copy(interop.resolve("ts-skills-server-http.mjs"), scripts.resolve("ts-skills-server-http.mjs"));
        Files.copy(interop.resolve("ts-skills-client-http.mjs"), scripts.resolve("ts-skills-client-http.mjs"));
        Files.createSymbolicLink(scripts.resolve("node_modules"), modules.toAbsolutePath());
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
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process node = new ProcessBuilder(
                        "node",
                        scripts.resolve("ts-skills-server-http.mjs").toString(),
                        String.valueOf(port),
                        skills.toString())
                .redirectErrorStream(true)
                .start();
        try {
            awaitListening(node);
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
            node.destroy();
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
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
                Process node = new ProcessBuilder(
                                "node",
                                scripts.resolve("ts-skills-client-http.mjs").toString(),
                                "http://localhost:" + http.uri().getPort() + "/mcp",
                                era)
                        .redirectErrorStream(true)
                        .start();
                String out;
                boolean done = node.waitFor(40, TimeUnit.SECONDS);
                out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!done) {
                    node.destroyForcibly();
                }
                assertThat(done).as("the TypeScript client finished: " + out).isTrue();
                assertThat(node.exitValue()).as(era + ": " + out).isZero();
                JsonNode result = McpJson.parse(out.lines()
                        .filter(l -> l.startsWith("{"))
                        .reduce((a, b) -> b)
                        .orElseThrow());
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

    private static void awaitListening(Process node) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = r.readLine();
            if (line == null) {
                throw new IllegalStateException("the TypeScript server exited: " + seen);
            }
            seen.append(line).append('\n');
            if (line.startsWith("listening")) {
                Thread t = new Thread(() -> r.lines().forEach(l -> {}), "ts-skills-server-output");
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        throw new IllegalStateException("the TypeScript server did not start: " + seen);
    }

    private static Path nodeModules() {
        String env = System.getenv("JMCP_SKILLS_NODE_MODULES");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path p = repoRoot().resolve("interop/node_modules");
        return Files.isDirectory(p) ? p : null;
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("interop"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("") : p;
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
