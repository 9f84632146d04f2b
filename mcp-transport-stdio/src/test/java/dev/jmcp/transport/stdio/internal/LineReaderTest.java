package dev.jmcp.transport.stdio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LineReaderTest {

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(LineReader.Line l) {
        return new String(l.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndSkipsBlankLines() throws Exception {
        LineReader r = new LineReader(text("a\r\n\n  \nbé\nlast"), 100);
        assertThat(str(r.next())).isEqualTo("a");
        assertThat(str(r.next())).isEqualTo("bé");
        assertThat(str(r.next())).isEqualTo("last");
        assertThat(r.next()).isNull();
    }

    @Test
    void lineExactlyAtTheLimitIsKeptOneByteMoreIsSkipped() throws Exception {
        LineReader r = new LineReader(text("12345\n123456\nok\n"), 5);
        assertThat(str(r.next())).isEqualTo("12345");
        LineReader.Line skipped = r.next();
        assertThat(skipped.oversized()).isTrue();
        assertThat(skipped.length()).isEqualTo(6);
        assertThat(str(r.next())).isEqualTo("ok");
    }

    @Test
    void hugeLineIsSkippedWithoutBufferingIt() throws Exception {
        long huge = 3L * 1024 * 1024 * 1024; // 3 GiB: would not fit a byte array
        InputStream endless = new InputStream() {
            long left = huge;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        LineReader r = new LineReader(new SequenceInputStream(endless, text("\n{\"next\":1}\n")), 1024 * 1024);
        LineReader.Line skipped = r.next();
        assertThat(skipped.oversized()).isTrue();
        assertThat(skipped.length()).isEqualTo(huge);
        assertThat(str(r.next())).isEqualTo("{\"next\":1}");
        assertThat(r.next()).isNull();
    }

    @Test
    void linesSplitAcrossManySmallReadsAreJoined() throws Exception {
        byte[] data = "first line\nsecond\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < data.length ? data[i++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= data.length) {
                    return -1;
                }
                b[off] = data[i++];
                return 1;
            }
        };
        LineReader r = new LineReader(trickle, 64);
        assertThat(List.of(str(r.next()), str(r.next()))).containsExactly("first line", "second");
        assertThat(r.next()).isNull();
    }
}
