package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.server.ServerCommand.Kind;
import com.example.jmcp.server.StdioLaunch;
import org.junit.jupiter.api.Test;

/**
 * Only the exact command lines an MCP host launches skip picocli; anything else (other options, the files server,
 * other commands) is left to it.
 */
class StdioLaunchTest {
    @Test
    void theHostCommandLinesOfTheOptionFreeServersAreRecognised() {
        assertThat(StdioLaunch.match("server", "notes", "--stdio")).isEqualTo(Kind.notes);
        assertThat(StdioLaunch.match("server", "everything")).isEqualTo(Kind.everything);
        assertThat(StdioLaunch.match("server", "TYPED", "--stdio")).isEqualTo(Kind.typed);
    }

    @Test
    void everyOtherCommandLineIsLeftToPicocli() {
        assertThat(StdioLaunch.match("server", "files", "--stdio")).isNull();
        assertThat(StdioLaunch.match("server", "notes", "--http", "8080")).isNull();
        assertThat(StdioLaunch.match("server", "notes", "--help")).isNull();
        assertThat(StdioLaunch.match("server", "nope")).isNull();
        assertThat(StdioLaunch.match("client", "--stdio")).isNull();
        assertThat(StdioLaunch.match("server")).isNull();
        assertThat(StdioLaunch.match()).isNull();
    }
}
