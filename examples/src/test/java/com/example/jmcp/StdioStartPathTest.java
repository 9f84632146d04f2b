package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up (#19): launched as an MCP host launches it ({@code server KIND --stdio}), an example server answers
 * {@code initialize} without loading what only later requests need: the JSON Schema validator (flat tool schemas
 * are compiled on their first full validation), the YAML library (plain SKILL.md frontmatter) and a SecureRandom
 * (request-state key, session and task ids are drawn on first use), nor the method-handle machinery of a record's
 * generated {@code hashCode} ({@code ObjectMethods}). Skills read from a jar without a zip file
 * system: {@code SkillsJarLoadingTest} (here the skills come from a class folder).
 */
class StdioStartPathTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @TempDir
    Path dir;

    private List<String> classesLoadedUntilTheInitializeAnswer(String kind) throws Exception {
        Path log = dir.resolve(kind + "-classes.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "server",
                kind,
                "--stdio"));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            OutputStream in = p.getOutputStream();
            in.write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String answer = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertThat(answer).contains("\"id\":0", "\"result\"");
            // the log up to here: the server has answered; later requests load more, which is not asked about
            return Files.readAllLines(log);
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theNotesServerAnswersInitializeWithoutTheSchemaValidatorOrASecureRandom() throws Exception {
        List<String> loaded = classesLoadedUntilTheInitializeAnswer("notes");
        assertThat(loaded).anyMatch(l -> l.contains("dev.jmcp.server.McpServer "));
        assertThat(loaded).noneMatch(l -> l.contains("com.networknt.schema."));
        assertThat(loaded).noneMatch(l -> l.contains("java.security.SecureRandom "));
        // a record's generated hashCode would bootstrap ObjectMethods when the first request id is a map key
        assertThat(loaded).noneMatch(l -> l.contains("java.lang.runtime.ObjectMethods "));
    }

    @Test
    void theEverythingServerReadsItsSkillsWithoutTheYamlLibrary() throws Exception {
        List<String> loaded = classesLoadedUntilTheInitializeAnswer("everything");
        assertThat(loaded).anyMatch(l -> l.contains("dev.jmcp.server.SkillsCatalog "));
        assertThat(loaded).noneMatch(l -> l.contains("org.snakeyaml."));
        assertThat(loaded).noneMatch(l -> l.contains("java.security.SecureRandom "));
        // its two non-flat tool schemas ($defs/$ref/$anchor, x-mcp-header) are proven compilable, not compiled
        assertThat(loaded).noneMatch(l -> l.contains("com.networknt.schema."));
        assertThat(loaded).noneMatch(l -> l.contains("java.lang.runtime.ObjectMethods "));
    }
}
