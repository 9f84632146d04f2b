package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code jmcp.server.transport=stdio}: the Boot application launched as a subprocess serves MCP on its stdio,
 * starts no web server, keeps Boot's console logging and stray prints off stdout, and exits when stdin closes.
 */
@Timeout(45)
class StdioBootServerTest {

    /** The command that launches {@link StdioBootApp} in stdio mode with Boot's default logging. */
    static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StdioBootApp.class.getName());
        command.add("--jmcp.server.transport=stdio");
        command.add("--logging.config=classpath:boot-default-logback.xml");
        command.add("--spring.application.name=stdio-app");
        return command;
    }

    @Test
    void aBootApplicationServesOnStdioWithLogsOnStderrAndExitsWhenStdinCloses() {
        StdioClientTransport transport = StdioClientTransport.builder(command())
                .stdinCloseGrace(Duration.ofSeconds(15))
                .build();
        McpClient client = McpClient.builder()
                .transport(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        try {
            client.connect();
            assertThat(client.server().serverInfo().name()).isEqualTo("stdio-app");
            String answer = ((TextContent) client.callTool("greet", Map.of("name", "Ada"))
                            .content()
                            .get(0))
                    .text();
            assertThat(answer).isEqualTo("hello Ada from pid " + transport.pid());
            Poll.until(
                    "the tool's log line on stderr",
                    () -> String.join("\n", transport.recentStderr()).contains("greeting Ada"),
                    Duration.ofSeconds(10));
            String stderr = String.join("\n", transport.recentStderr());
            assertThat(stderr)
                    .contains("Started StdioBootApp")
                    .contains("a stray print from the greet tool")
                    .doesNotContain("Tomcat started");
        } finally {
            client.close();
        }
        // close() closed stdin and waited: the application closed its context and exited by itself
        assertThat(transport.exitCode()).hasValue(0);
    }
}
