package dev.jmcp.transport.http.servlet.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypeCheckTest {

    @Test
    void streamablePostMustAcceptJsonAndEventStream() {
        assertThat(MediaTypeCheck.streamable("application/json", "application/json"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(406));
        assertThat(MediaTypeCheck.streamable("text/event-stream", "application/json"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(406));
    }

    @Test
    void absentAcceptHeaderAdmitsEverything() {
        assertThat(MediaTypeCheck.streamable(null, "application/json")).isEmpty();
    }

    @Test
    void streamablePostMustSendJson() {
        assertThat(MediaTypeCheck.streamable("application/json, text/event-stream", "text/plain"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(415));
    }

    @Test
    void wellFormedStreamablePostPasses() {
        assertThat(MediaTypeCheck.streamable("application/json, text/event-stream", "application/json; charset=utf-8"))
                .isEmpty();
    }

    @Test
    void legacyPostOnlyNeedsAJsonBody() {
        assertThat(MediaTypeCheck.jsonBody("application/json")).isEmpty();
        assertThat(MediaTypeCheck.jsonBody(null))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(415));
    }
}
