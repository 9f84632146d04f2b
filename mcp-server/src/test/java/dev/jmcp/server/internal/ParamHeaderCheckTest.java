package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.MessageEnvelope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamHeaderCheckTest {
    static final Tool TOOL = Tool.builder(
                    "deploy",
                    McpJson.parse("{\"type\":\"object\",\"properties\":{"
                            + "\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},"
                            + "\"note\":{\"type\":\"string\"}}}"))
            .description("deploys")
            .build();

    static MessageEnvelope mirrored(Map<String, String> params) {
        return new MessageEnvelope("tools/call", "deploy", "2026-07-28", params);
    }

    static ProtocolError mismatch(MessageEnvelope envelope, String argsJson) {
        return catchThrowableOfType(
                ProtocolError.class, () -> ParamHeaderCheck.check(envelope, TOOL, McpJson.parse(argsJson)));
    }

    @Test
    void matchingMirroredParameterPasses() {
        assertThatCode(() -> ParamHeaderCheck.check(
                        mirrored(Map.of("Region", "eu-west")), TOOL, McpJson.parse("{\"region\":\"eu-west\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void aTransportThatMirrorsNothingIsNotChecked() {
        assertThatCode(() -> ParamHeaderCheck.check(MessageEnvelope.NONE, TOOL, McpJson.parse("{\"region\":\"x\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void anArgumentWithoutItsHeaderIsAHeaderMismatch() {
        ProtocolError e = mismatch(mirrored(Map.of()), "{\"region\":\"eu-west\"}");
        assertThat(e.code()).isEqualTo(ErrorCodes.HEADER_MISMATCH);
        assertThat(e.error().message()).contains("Mcp-Param-Region header is required");
    }

    @Test
    void aHeaderWithoutItsArgumentIsAHeaderMismatch() {
        ProtocolError e = mismatch(mirrored(Map.of("region", "eu-west")), "{}");
        assertThat(e.code()).isEqualTo(ErrorCodes.HEADER_MISMATCH);
        assertThat(e.error().message()).contains("is set but arguments.region is not");
    }

    @Test
    void aHeaderWithAnotherValueIsAHeaderMismatch() {
        ProtocolError e = mismatch(mirrored(Map.of("region", "us-east")), "{\"region\":\"eu-west\"}");
        assertThat(e.code()).isEqualTo(ErrorCodes.HEADER_MISMATCH);
    }

    /** The declarations are kept per tool name and schema: a tool replaced under the same name is checked anew. */
    @Test
    void aToolReplacedUnderTheSameNameIsCheckedByItsNewSchema() {
        Tool plain = Tool.builder(
                        "deploy",
                        McpJson.parse("{\"type\":\"object\",\"properties\":{\"region\":{\"type\":\"string\"}}}"))
                .build();
        MessageEnvelope noParams = mirrored(Map.of());
        String args = "{\"region\":\"eu-west\"}";
        assertThat(mismatch(noParams, args)).isNotNull(); // TOOL declares Region: its header is required
        assertThatCode(() -> ParamHeaderCheck.check(noParams, plain, McpJson.parse(args)))
                .doesNotThrowAnyException(); // the replacement declares nothing
        assertThat(mismatch(noParams, args)).isNotNull(); // and the annotated one again
    }
}
