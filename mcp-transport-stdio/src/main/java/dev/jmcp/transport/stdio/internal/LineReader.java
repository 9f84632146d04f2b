package dev.jmcp.transport.stdio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into newline-terminated lines without ever holding more than {@code maxLineBytes} of one
 * line: a longer line is skipped up to its newline and reported as {@link Line#oversized()} with its length.
 * A trailing {@code \r} is dropped and blank lines are skipped. Not thread-safe: one reader thread owns it.
 */
public final class LineReader {
    private static final int INITIAL_LINE_CAPACITY = 8 * 1024;
    private static final int RETAINED_LINE_CAPACITY = 1024 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[INITIAL_LINE_CAPACITY];
    private int lineLength;
    private boolean discarding;
    private long discardedLength;

    /** Reads lines from {@code in}, refusing to buffer lines longer than {@code maxLineBytes}. */
    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next non-blank line, or null at end of stream. A final line without newline is returned too. Blocks
     * until a line or the end arrives.
     */
    public Line next() throws IOException {
        while (true) {
            if (pos == limit) {
                int n = in.read(chunk);
                if (n < 0) {
                    Line last = take();
                    return last == null || last.isBlank() ? null : last;
                }
                pos = 0;
                limit = n;
                continue;
            }
            int newline = indexOfNewline(pos, limit);
            int end = newline < 0 ? limit : newline;
            append(pos, end - pos);
            pos = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                Line l = take();
                if (l != null && !l.isBlank()) {
                    return l;
                }
            }
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int offset, int length) {
        if (length == 0) {
            return;
        }
        if (discarding) {
            discardedLength += length;
            return;
        }
        if ((long) lineLength + length > maxLineBytes) {
            discarding = true;
            discardedLength = (long) lineLength + length;
            lineLength = 0;
            if (line.length > RETAINED_LINE_CAPACITY) {
                line = new byte[INITIAL_LINE_CAPACITY];
            }
            return;
        }
        if (lineLength + length > line.length) {
            int capacity = (int) Math.min(maxLineBytes, Math.max((long) line.length * 2, (long) lineLength + length));
            line = Arrays.copyOf(line, capacity);
        }
        System.arraycopy(chunk, offset, line, lineLength, length);
        lineLength += length;
    }

    /** The line gathered so far (null if nothing), resetting the buffer. */
    private Line take() {
        if (discarding) {
            long length = discardedLength;
            discarding = false;
            discardedLength = 0;
            return new Line(null, length);
        }
        if (lineLength == 0) {
            return null;
        }
        int length = lineLength;
        if (line[length - 1] == '\r') {
            length--;
        }
        byte[] bytes = Arrays.copyOf(line, length);
        lineLength = 0;
        if (line.length > RETAINED_LINE_CAPACITY) {
            line = new byte[INITIAL_LINE_CAPACITY];
        }
        return new Line(bytes, length);
    }

    /**
     * One line read.
     *
     * @param bytes the line without its terminator, or null when it was too long to keep
     * @param length the line's length in bytes (for an oversized line: how many bytes were skipped)
     */
    public record Line(byte[] bytes, long length) {
        /** Whether the line exceeded the limit and was skipped. */
        public boolean oversized() {
            return bytes == null;
        }

        boolean isBlank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
