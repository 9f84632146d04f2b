package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.SkillContent;
import dev.jmcp.client.SkillsClient;
import dev.jmcp.client.SkillsVerificationException;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.skills.ListSkillsResult;
import dev.jmcp.core.protocol.skills.ReadResourceDirectoryResult;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillsProtocol;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerResource;
import dev.jmcp.server.SkillsCatalog;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Skills (SEP-2640) over HTTP on 127.0.0.1 with the jmcp client, in both eras: the server publishes a folder of
 * skills (the extension with {@code directoryRead}, {@code skills/list} and {@code resources/directory/read}
 * paginated, {@code skills/get}, every file a {@code skill://} resource), the client lists, gets and reads them
 * verified against their digests; a server whose content does not match its manifest is caught.
 */
@Timeout(30)
class SkillsOverHttpTest {
    @TempDir
    static Path dir;

    static McpServer server;
    static McpHttpServer http;
    /** A server that lies: its manifest and its resources/read disagree. */
    static McpServer liar;

    static McpHttpServer liarHttp;
    static byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xfe, 7};

    enum Era {
        HANDSHAKE_2025_11_25(ProtocolVersion.V2025_11_25),
        STATELESS_2026_07_28(ProtocolVersion.V2026_07_28);

        final ProtocolVersion version;

        Era(ProtocolVersion version) {
            this.version = version;
        }
    }

    static void write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static void write(Path file, String text) throws Exception {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void start() throws Exception {
        write(
                dir.resolve("pdf-processing/SKILL.md"),
                "---\nname: pdf-processing\ndescription: Extract, fill, and assemble PDF documents\n"
                        + "metadata:\n  version: \"2.1.0\"\n---\n\n# PDF\n\nChoose a template from `templates/`.\n");
        write(dir.resolve("pdf-processing/templates/invoice.md"), "# Invoice ✓\n");
        write(dir.resolve("pdf-processing/templates/purchase-order.md"), "# PO\n");
        write(dir.resolve("pdf-processing/templates/regional/eu-invoice.md"), "# EU\n");
        write(dir.resolve("pdf-processing/assets/logo.png"), logo);
        write(
                dir.resolve("acme/billing/refunds/SKILL.md"),
                "---\nname: refunds\ndescription: Process refunds\nlicense: Apache-2.0\n---\nbody\n");
        write(
                dir.resolve("git-workflow/SKILL.md"),
                "---\nname: git-workflow\ndescription: Team Git conventions\n---\nbody\n");
        SkillsCatalog catalog =
                SkillsCatalog.builder().directory(dir).pageSize(2).build();
        server = McpServer.builder().skills(catalog).build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();

        // the liar: the same manifest, but one file's content is changed and another's is longer
        McpServer.Builder b = McpServer.builder().extension(catalog.extension());
        for (ServerResource r : catalog.resources()) {
            String uri = r.resource().uri();
            if (uri.endsWith("/invoice.md")) {
                b.resource(
                        r.resource(),
                        (req, ctx) -> ReadResourceResult.of(
                                List.of(TextResourceContents.of(uri, "text/markdown", "# Invoice, OK\n"))));
            } else if (uri.endsWith("/purchase-order.md")) {
                b.resource(
                        r.resource(),
                        (req, ctx) -> ReadResourceResult.of(
                                List.of(TextResourceContents.of(uri, "text/markdown", "# PO\nand more\n"))));
            } else {
                b.resource(r.resource(), r.handler());
            }
        }
        liar = b.build();
        liarHttp = McpHttpServer.builder(liar).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
        liarHttp.close();
        liar.close();
    }

    private static McpClient client(McpHttpServer on, Era era) {
        McpClient c = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(on.uri()))
                .protocolVersion(era.version)
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        c.connect();
        return c;
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void theServerDeclaresTheExtensionWithDirectoryReadAndTheResourcesCapability(Era era) {
        try (McpClient c = client(http, era)) {
            assertThat(c.server().capabilities().resources()).isNotNull();
            SkillsClient skills = SkillsClient.of(c);
            assertThat(skills.isSupported()).isTrue();
            assertThat(skills.supportsDirectoryRead()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void skillsAreListedPageByPageWithVerbatimFrontmatterAndCompleteManifests(Era era) {
        try (McpClient c = client(http, era)) {
            SkillsClient skills = SkillsClient.of(c);
            ListSkillsResult first = skills.list(null);
            assertThat(first.skills()).hasSize(2);
            assertThat(first.nextCursor()).isNotNull();
            assertThat(first.ttlMs()).isEqualTo(0L);
            List<Skill> all = skills.listAll();
            assertThat(all)
                    .extracting(Skill::uri)
                    .containsExactly(
                            "skill://acme/billing/refunds/SKILL.md",
                            "skill://git-workflow/SKILL.md",
                            "skill://pdf-processing/SKILL.md");
            assertThat(all.get(0).frontmatter().path("license").asString()).isEqualTo("Apache-2.0");
            Skill pdf = all.get(2);
            assertThat(pdf.frontmatter().path("metadata").path("version").asString())
                    .isEqualTo("2.1.0");
            assertThat(pdf.files()).hasSize(5);
            assertThat(pdf.files()).allSatisfy(f -> assertThat(SkillsProtocol.isDigest(f.digest()))
                    .isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void everyFileReadsBackVerifiedAgainstItsDigestTextAndBinaryAlike(Era era) {
        try (McpClient c = client(http, era)) {
            SkillsClient skills = SkillsClient.of(c);
            Skill pdf = skills.get("skill://pdf-processing/SKILL.md");
            SkillContent md = skills.load(pdf);
            assertThat(md.verified()).isTrue();
            assertThat(md.text()).contains("Choose a template");
            assertThat(skills.read(pdf, "skill://pdf-processing/templates/invoice.md")
                            .text())
                    .isEqualTo("# Invoice ✓\n");
            SkillContent png = skills.read(pdf, "skill://pdf-processing/assets/logo.png");
            assertThat(png.bytes()).isEqualTo(logo);
            assertThat(png.mimeType()).isEqualTo("image/png");
            // a file the entry does not list is a verification failure, even when the server serves it
            assertThatThrownBy(() -> skills.read(pdf, "skill://git-workflow/SKILL.md"))
                    .isInstanceOf(SkillsVerificationException.class)
                    .hasMessageContaining("not listed");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anUnknownSkillAndANonDirectoryAnswerInvalidParams(Era era) {
        try (McpClient c = client(http, era)) {
            SkillsClient skills = SkillsClient.of(c);
            assertThatThrownBy(() -> skills.get("skill://acme/billing/chargebacks/SKILL.md"))
                    .isInstanceOfSatisfying(McpRpcException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
                        assertThat(e.error().message()).contains("No skill is served");
                    });
            assertThatThrownBy(() -> skills.readDirectory("skill://pdf-processing/SKILL.md", null))
                    .isInstanceOfSatisfying(
                            McpRpcException.class,
                            e -> assertThat(e.error().message()).contains("is not a directory resource"));
            assertThatThrownBy(() -> skills.list("not-a-cursor"))
                    .isInstanceOfSatisfying(
                            McpRpcException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS));
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void directoriesListTheirDirectChildrenPageByPage(Era era) {
        try (McpClient c = client(http, era)) {
            SkillsClient skills = SkillsClient.of(c);
            List<Resource> children = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                ReadResourceDirectoryResult r = skills.readDirectory("skill://pdf-processing/templates", cursor);
                children.addAll(r.resources());
                cursor = r.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(2);
            assertThat(children)
                    .extracting(Resource::uri)
                    .containsExactly(
                            "skill://pdf-processing/templates/invoice.md",
                            "skill://pdf-processing/templates/purchase-order.md",
                            "skill://pdf-processing/templates/regional");
            assertThat(children.get(2).mimeType()).isEqualTo("inode/directory");
            assertThat(children.get(0).name()).isEqualTo("invoice.md");
            ReadResourceDirectoryResult acme = skills.readDirectory("skill://acme", null);
            assertThat(acme.resources()).extracting(Resource::uri).containsExactly("skill://acme/billing");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aServerWhoseContentDoesNotMatchItsManifestIsCaught(Era era) {
        try (McpClient c = client(liarHttp, era)) {
            SkillsClient skills = SkillsClient.of(c);
            Skill pdf = skills.get("skill://pdf-processing/SKILL.md");
            assertThat(skills.load(pdf).verified()).isTrue(); // the honest file still reads
            assertThatThrownBy(() -> skills.read(pdf, "skill://pdf-processing/templates/invoice.md"))
                    .isInstanceOf(SkillsVerificationException.class)
                    .hasMessageContaining("digest");
            assertThatThrownBy(() -> skills.read(pdf, "skill://pdf-processing/templates/purchase-order.md"))
                    .isInstanceOf(SkillsVerificationException.class)
                    .hasMessageContaining("bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aSkillMdWhoseFrontmatterDiffersFromTheEntryIsNotLoaded(Era era) {
        try (McpClient c = client(http, era)) {
            SkillsClient skills = SkillsClient.of(c);
            Skill real = skills.get("skill://git-workflow/SKILL.md");
            JsonNode changed = real.frontmatter().deepCopy();
            ((tools.jackson.databind.node.ObjectNode) changed).put("description", "Something else");
            Skill forged = new Skill(real.uri(), changed, real.resources());
            assertThatThrownBy(() -> skills.load(forged))
                    .isInstanceOf(SkillsVerificationException.class)
                    .hasMessageContaining("frontmatter");
            Skill invalid = new Skill(real.uri(), real.frontmatter(), McpJson.parse("42"));
            assertThatThrownBy(() -> skills.load(invalid)).isInstanceOf(SkillsVerificationException.class);
            // the raw wire shape: resultType complete in 2026-07-28
            JsonNode raw = c.request(
                    SkillsProtocol.SKILLS_GET,
                    McpJson.parse("{\"uri\":\"" + real.uri() + "\"}"),
                    CallOptions.defaults());
            assertThat(raw.path("skill").path("resources").isArray()).isTrue();
            if (era.version.isStateless()) {
                assertThat(raw.path("resultType").asString()).isEqualTo("complete");
            }
        }
    }
}
