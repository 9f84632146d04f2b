package dev.jmcp.transport.stdio.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The server's input as its reader sees it: while the lines of one read are being handled, the answers written
 * inline stay in the output buffer ({@link FrameWriter#cork()}), and they are flushed together before the next read,
 * which may block ({@link FrameWriter#uncork()}). A client that pipelines requests gets its answers in a few writes
 * instead of one write per answer; a client that sends one request at a time sees no delay.
 */
public final class CorkingInput extends FilterInputStream {
    private final FrameWriter writer;

    /**
     * Wraps the transport's input.
     *
     * @param in the input read
     * @param writer the writer whose inline flushes are held while the lines of one read are handled
     */
    public CorkingInput(InputStream in, FrameWriter writer) {
        super(in);
        this.writer = writer;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        writer.uncork();
        int n = super.read(b, off, len);
        if (n > 0) {
            writer.cork();
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        writer.uncork();
        return super.read();
    }
}
