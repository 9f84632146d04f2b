package dev.jmcp.transport.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.client.internal.SseEventReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SSE reader's own line reading: every WHATWG line end, reads split anywhere, and the line limit (D8). */
class SseEventReaderLimitsTest {
    /** Hands out one byte per read, so every line end and UTF-8 sequence is split across reads. */
    private static InputStream trickle(String text) {
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len == 0 ? 0 : in.read(b, off, 1);
            }
        };
    }

    @Test
    void crLfAndCrLfLineEndsAreAllLineEndsEvenWhenSplitAcrossReads() throws IOException {
        SseEventReader r =
                new SseEventReader(trickle("data: a\r\rdata: b\n\ndata: c\r\n\r\ndata: \u00e9\u20ac\r\n\n"), 100);
        assertThat(r.next().data()).isEqualTo("a");
        assertThat(r.next().data()).isEqualTo("b");
        assertThat(r.next().data()).isEqualTo("c");
        assertThat(r.next().data()).isEqualTo("\u00e9\u20ac");
        assertThat(r.next()).isNull();
    }

    @Test
    void aLineBeyondTheLimitFailsTheStreamWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return served <= 6 ? "data: ".charAt((int) served - 1) : 'x';
            }
        };
        SseEventReader r = new SseEventReader(endless, 1000, 2000);
        assertThatThrownBy(r::next).isInstanceOf(IOException.class).hasMessageContaining("SSE line exceeds 2000 bytes");
    }

    @Test
    void commentsAndUnknownFieldsAreBoundedByTheLineLimitToo() {
        SseEventReader r = new SseEventReader(trickle(": " + "k".repeat(5000) + "\n"), 100_000, 1000);
        assertThatThrownBy(r::next).isInstanceOf(IOException.class).hasMessageContaining("line exceeds");
    }

    @Test
    void theDefaultLineLimitIsTheEventLimitPlusSlack() throws IOException {
        String data = "z".repeat(3000);
        assertThat(new SseEventReader(trickle("data: " + data + "\n\n"), 3000)
                        .next()
                        .data())
                .isEqualTo(data);
        assertThatThrownBy(() -> new SseEventReader(trickle("id: " + data + data + "\n\n"), 3000).next())
                .isInstanceOf(IOException.class);
    }
}
