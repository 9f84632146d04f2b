package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    @Test
    void requiredCapabilitiesNameEachInputCapabilityAsAClientCapabilitiesObject() {
        assertThat(McpJson.toTree(Capabilities.requiredCapabilities("roots")))
                .isEqualTo(McpJson.parse("{\"roots\":{}}"));
        assertThat(McpJson.toTree(Capabilities.requiredCapabilities("sampling")))
                .isEqualTo(McpJson.parse("{\"sampling\":{}}"));
        assertThat(McpJson.toTree(Capabilities.requiredCapabilities("sampling.tools")))
                .isEqualTo(McpJson.parse("{\"sampling\":{\"tools\":{}}}"));
        assertThat(McpJson.toTree(Capabilities.requiredCapabilities("elicitation.form")))
                .isEqualTo(McpJson.parse("{\"elicitation\":{\"form\":{}}}"));
        assertThat(McpJson.toTree(Capabilities.requiredCapabilities("elicitation.url")))
                .isEqualTo(McpJson.parse("{\"elicitation\":{\"url\":{}}}"));
        assertThat(McpJson.toTree(Capabilities.tasksExtension()))
                .isEqualTo(McpJson.parse("{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}"));
    }

    @Test
    void anUnknownCapabilityNameIsAProgrammingError() {
        assertThatThrownBy(() -> Capabilities.requiredCapabilities("telepathy"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingCapabilityErrorCarriesTheRequiredCapabilities() {
        var error = Capabilities.missing("sampling.tools", "needs tools").error();
        assertThat(error.code()).isEqualTo(dev.jmcp.core.ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
        assertThat(error.data()).isEqualTo(McpJson.parse("{\"requiredCapabilities\":{\"sampling\":{\"tools\":{}}}}"));
    }
}
