package dev.jmcp.transport.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.client.internal.SseEventReader;
import dev.jmcp.transport.http.servlet.internal.SseFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {
    private static SseEventReader reader(String text, int max) {
        return new SseEventReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void parsesIdsRetryCommentsMultiLineDataAndCrLf() throws IOException {
        SseEventReader r = reader(
                ": hello\r\nid: s1_1\r\nretry: 500\r\ndata: \r\n\r\nevent: message\ndata: {\"a\":\ndata: 1}\n\nid\ndata:x\n\n",
                1000);
        SseEventReader.Event priming = r.next();
        assertThat(priming.id()).isEqualTo("s1_1");
        assertThat(priming.retryMillis()).isEqualTo(500);
        assertThat(priming.data()).isEmpty();
        SseEventReader.Event message = r.next();
        assertThat(message.name()).isEqualTo("message");
        assertThat(message.data()).isEqualTo("{\"a\":\n1}");
        assertThat(message.id()).isEqualTo("s1_1");
        assertThat(message.hasId()).isFalse();
        SseEventReader.Event reset = r.next();
        assertThat(reset.id()).isNull();
        assertThat(reset.data()).isEqualTo("x");
        assertThat(r.next()).isNull();
    }

    @Test
    void oversizedEventFailsTheStream() {
        SseEventReader r = reader("data: " + "z".repeat(100) + "\n\n", 50);
        assertThatThrownBy(r::next).isInstanceOf(IOException.class);
    }

    @Test
    void formatterAndReaderAgree() throws IOException {
        byte[] bytes = SseFormat.event("7_3", "message", "line1\nline2");
        SseEventReader.Event e = new SseEventReader(new ByteArrayInputStream(bytes), 1000).next();
        assertThat(e.id()).isEqualTo("7_3");
        assertThat(e.data()).isEqualTo("line1\nline2");
    }
}
