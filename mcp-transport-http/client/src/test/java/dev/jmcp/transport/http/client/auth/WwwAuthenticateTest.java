package dev.jmcp.transport.http.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WwwAuthenticateTest {
    @Test
    void readsBearerParameters() {
        WwwAuthenticate w = WwwAuthenticate.parse("Bearer error=\"insufficient_scope\", scope=\"mcp:basic mcp:write\", "
                + "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", "
                + "error_description=\"needs write\"");
        assertThat(w.error()).isEqualTo("insufficient_scope");
        assertThat(w.scope()).isEqualTo("mcp:basic mcp:write");
        assertThat(w.resourceMetadata()).isEqualTo("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
        assertThat(w.errorDescription()).isEqualTo("needs write");
    }

    @Test
    void unescapesQuotedStringsAndAcceptsTokenValues() {
        WwwAuthenticate w = WwwAuthenticate.parse("bearer realm=\"a \\\"quoted\\\" \\\\ realm\",error=invalid_token");
        assertThat(w.bearer()).isPresent();
        assertThat(w.bearer().get().param("REALM")).isEqualTo("a \"quoted\" \\ realm");
        assertThat(w.error()).isEqualTo("invalid_token");
    }

    @Test
    void splitsSeveralChallengesInOneValue() {
        WwwAuthenticate w = WwwAuthenticate.parse(
                "Basic realm=\"x\", charset=\"UTF-8\", Bearer scope=\"a b\", error=\"invalid_token\", Negotiate");
        assertThat(w.challenges())
                .extracting(WwwAuthenticate.Challenge::scheme)
                .containsExactly("Basic", "Bearer", "Negotiate");
        assertThat(w.challenges().get(0).params()).containsEntry("charset", "UTF-8");
        assertThat(w.scope()).isEqualTo("a b");
    }

    @Test
    void readsToken68WithPadding() {
        WwwAuthenticate w = WwwAuthenticate.parse("Negotiate dXNlcjpwYXNz==, Bearer");
        assertThat(w.challenges().get(0).token68()).isEqualTo("dXNlcjpwYXNz==");
        assertThat(w.challenges().get(1).isBearer()).isTrue();
    }

    @Test
    void bareSchemeHasNoParameters() {
        WwwAuthenticate w = WwwAuthenticate.parse("Bearer");
        assertThat(w.bearer()).isPresent();
        assertThat(w.error()).isNull();
        assertThat(w.resourceMetadata()).isNull();
    }

    @Test
    void combinesSeveralHeaderLinesAndSkipsMalformedOnes() {
        WwwAuthenticate w = WwwAuthenticate.parseAll(List.of("Basic realm=\"unterminated", "Bearer scope=\"s\""));
        assertThat(w.challenges()).hasSize(1);
        assertThat(w.scope()).isEqualTo("s");
        assertThat(WwwAuthenticate.parseAll(null).challenges()).isEmpty();
    }

    @Test
    void rejectsMalformedValuesWithClearMessages() {
        for (String bad : List.of(
                "Bearer realm=\"open",
                "Bearer a=b, c=",
                "=Bearer",
                "Bearer a=b c",
                "Bearer a=\"x\u0001\"",
                "Bearer a=b,\"x\"",
                "\"Bearer\"")) {
            assertThatThrownBy(() -> WwwAuthenticate.parse(bad), bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("WWW-Authenticate");
        }
        assertThatThrownBy(() -> WwwAuthenticate.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOversizedValues() {
        char[] huge = new char[WwwAuthenticate.MAX_LENGTH + 1];
        Arrays.fill(huge, 'a');
        assertThatThrownBy(() -> WwwAuthenticate.parse("Bearer realm=" + new String(huge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void emptyAndSeparatorOnlyValuesGiveNoChallenges() {
        assertThat(WwwAuthenticate.parse("").challenges()).isEmpty();
        assertThat(WwwAuthenticate.parse(" , ,, ").challenges()).isEmpty();
    }

    @Test
    void randomInputNeverThrowsAnythingButIllegalArgument() {
        Random random = new Random(42);
        String alphabet = "Bearer Basic realm=\"\\,= \t;:\u0000\u007f\u00e9abc";
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                WwwAuthenticate w = WwwAuthenticate.parse(s.toString());
                assertThat(w.challenges()).isNotNull();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).startsWith("malformed WWW-Authenticate");
            }
        }
    }
}
