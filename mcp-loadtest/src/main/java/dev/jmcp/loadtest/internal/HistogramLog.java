package dev.jmcp.loadtest.internal;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A run's full latency distribution streamed to an HdrHistogram log ({@code .hlog}, {@link HistogramLogWriter}
 * format, microseconds): every interval's histograms are written as they are cut and then forgotten, so memory
 * does not grow with run length while nothing of the distribution is lost. Each interval histogram carries a tag:
 * {@code ok.<key>} and {@code err.<key>} per key ({@code op:tools/call}, {@code tool:echo}, {@code resource:...},
 * {@code prompt:...}), {@code drop} (dropped arrivals as effective latencies), {@code lag}, {@code service} and
 * {@code handshake}. Tags escape {@code %}, {@code ,}, {@code =} and whitespace as {@code %XX}. Any HdrHistogram
 * tool reads the file; {@link #read} sums it back per tag.
 */
public final class HistogramLog implements Closeable {
    /** Tag of dropped arrivals' effective latencies. */
    public static final String DROP = "drop";

    /** Tag of the scheduler's dispatch lag. */
    public static final String LAG = "lag";

    /** Tag of service times. */
    public static final String SERVICE = "service";

    /** Tag of session handshakes. */
    public static final String HANDSHAKE = "handshake";

    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long startMillis;

    private HistogramLog(PrintStream out, long startMillis) {
        this.out = out;
        this.writer = new HistogramLogWriter(out);
        this.startMillis = startMillis;
    }

    /** Creates (or replaces) {@code file}; its times count from {@code startMillis} (epoch milliseconds). */
    public static HistogramLog create(Path file, long startMillis, String comment) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream os = Files.newOutputStream(file);
        PrintStream ps;
        try {
            ps = new PrintStream(os, false, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            os.close();
            throw e;
        }
        HistogramLog log = new HistogramLog(ps, startMillis);
        log.writer.outputComment(comment.replace('\n', ' '));
        log.writer.outputLogFormatVersion();
        log.writer.outputStartTime(startMillis);
        log.writer.setBaseTime(startMillis);
        log.writer.outputBaseTime(startMillis);
        log.writer.outputLegend();
        return log;
    }

    /** Appends one interval's histograms. */
    public synchronized void write(IntervalData d) {
        long from = startMillis + d.startNanos() / 1_000_000L;
        long to = startMillis + d.endNanos() / 1_000_000L;
        d.ok().forEach((k, h) -> emit("ok." + k, h, from, to));
        d.err().forEach((k, h) -> emit("err." + k, h, from, to));
        emit(DROP, d.dropLatency(), from, to);
        emit(LAG, d.lag(), from, to);
        emit(SERVICE, d.service(), from, to);
        emit(HANDSHAKE, d.handshake(), from, to);
        out.flush();
    }

    private void emit(String tag, Histogram h, long from, long to) {
        if (h.getTotalCount() == 0) {
            return;
        }
        Histogram copy = h.copy(); // the writer reads the time stamps and tag of the histogram it is given
        copy.setStartTimeStamp(from);
        copy.setEndTimeStamp(Math.max(from, to));
        copy.setTag(escape(tag));
        writer.outputIntervalHistogram(copy);
    }

    @Override
    public synchronized void close() {
        out.flush();
        out.close();
    }

    /** One interval's histograms read back: start/end (seconds since the log's start time) and tag -> histogram. */
    public record Interval(double startSeconds, double endSeconds, Map<String, Histogram> byTag) {}

    /** Reads a log back, interval by interval (histograms with the same start time form one interval). */
    public static List<Interval> intervals(Path file) throws IOException {
        List<Interval> out = new ArrayList<>();
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            throw new IOException("no histogram log " + file, e);
        }
        try {
            Interval current = null;
            EncodableHistogram e;
            while ((e = reader.nextIntervalHistogram()) != null) {
                if (!(e instanceof Histogram h)) {
                    continue;
                }
                double start = (h.getStartTimeStamp() - (long) (reader.getStartTimeSec() * 1000)) / 1000.0;
                double end = (h.getEndTimeStamp() - (long) (reader.getStartTimeSec() * 1000)) / 1000.0;
                if (current == null || Math.abs(current.startSeconds() - start) > 1e-6) {
                    current = new Interval(start, end, new LinkedHashMap<>());
                    out.add(current);
                }
                String tag = unescape(h.getTag() == null ? "" : h.getTag());
                Histogram sum = current.byTag().get(tag);
                if (sum == null) {
                    current.byTag().put(tag, h);
                } else {
                    sum.add(h);
                }
            }
        } finally {
            reader.close();
        }
        return out;
    }

    /** Reads a log back and sums every interval per tag (the run's whole distribution of each). */
    public static Map<String, Histogram> read(Path file) throws IOException {
        Map<String, Histogram> sums = new TreeMap<>();
        for (Interval i : intervals(file)) {
            i.byTag().forEach((tag, h) -> sums.computeIfAbsent(tag, k -> new Histogram(WorkerMetrics.DIGITS))
                    .add(h));
        }
        return sums;
    }

    /** The histograms of a log (or merged logs) as interval data: keys, drops, lag, service and handshakes. */
    public static IntervalData toIntervalData(Map<String, Histogram> byTag, long startNanos, long endNanos) {
        IntervalData d = new IntervalData(startNanos, endNanos, 0);
        byTag.forEach((tag, h) -> {
            if (tag.startsWith("ok.")) {
                d.addOk(tag.substring(3), h);
            } else if (tag.startsWith("err.")) {
                d.addErr(tag.substring(4), h);
            } else if (tag.equals(DROP)) {
                d.dropLatency().add(h);
            } else if (tag.equals(LAG)) {
                d.lag().add(h);
            } else if (tag.equals(SERVICE)) {
                d.service().add(h);
            } else if (tag.equals(HANDSHAKE)) {
                d.handshake().add(h);
            }
        });
        return d;
    }

    static String escape(String tag) {
        StringBuilder sb = new StringBuilder(tag.length());
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '%' || c == ',' || c == '=' || c <= 0x20) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String tag) {
        if (tag.indexOf('%') < 0) {
            return tag;
        }
        StringBuilder sb = new StringBuilder(tag.length());
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '%' && i + 2 < tag.length()) {
                sb.append((char) Integer.parseInt(tag.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
