package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.SkillsClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.skills.Skill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skills served by a jmcp server in a stdio subprocess, listed and read verified by the jmcp client (the handshake
 * era: one subprocess per test keeps it cheap; both eras run over HTTP in {@code SkillsOverHttpTest}).
 */
@Timeout(30)
class SkillsOverStdioTest {
    @TempDir
    Path dir;

    @Test
    void skillsAreListedAndReadVerifiedOverStdio() throws Exception {
        Files.createDirectories(dir.resolve("hello/ref"));
        Files.writeString(
                dir.resolve("hello/SKILL.md"),
                "---\nname: hello\ndescription: Greets people\n---\nSee ref/guide.md\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("hello/ref/guide.md"), "Say hello.\n", StandardCharsets.UTF_8);
        StdioClientTransport transport = StdioClientTransport.builder(
                        TestProcesses.java(SkillsStdioServerMain.class, dir.toString()))
                .build();
        try (McpClient client = McpClient.builder()
                .transport(transport)
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .build()) {
            client.connect();
            SkillsClient skills = SkillsClient.of(client);
            assertThat(skills.isSupported()).isTrue();
            List<Skill> all = skills.listAll();
            assertThat(all).extracting(Skill::uri).containsExactly("skill://hello/SKILL.md");
            assertThat(skills.load(all.get(0)).text()).contains("See ref/guide.md");
            assertThat(skills.read(all.get(0), "skill://hello/ref/guide.md").text())
                    .isEqualTo("Say hello.\n");
        }
    }
}
