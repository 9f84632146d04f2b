package com.example.jmcp;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.util.TimeZone;

/**
 * Writes each event as {@code HH:mm:ss.SSS LEVEL [thread] logger - message} plus the stack trace, the layout of
 * the pattern {@code %d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n}, formatted by hand: logback's
 * pattern parser, its converters and the {@code java.time} formatters stay off the start path of a stdio server.
 */
final class StderrLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];

    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(30);
    private final Charset charset = Charset.defaultCharset();

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(128);
        long millis = event.getTimeStamp();
        long local = millis + TimeZone.getDefault().getOffset(millis);
        long ofDay = Math.floorMod(local, 86_400_000L);
        two(sb, ofDay / 3_600_000).append(':');
        two(sb, ofDay / 60_000 % 60).append(':');
        two(sb, ofDay / 1000 % 60).append('.');
        long ms = ofDay % 1000;
        sb.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms).append(' ');
        String level = event.getLevel().toString();
        sb.append(level);
        for (int i = level.length(); i < 5; i++) {
            sb.append(' ');
        }
        sb.append(" [").append(event.getThreadName()).append("] ");
        sb.append(abbreviator.abbreviate(event.getLoggerName())).append(" - ");
        sb.append(event.getFormattedMessage()).append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            sb.append(ThrowableProxyUtil.asString(thrown));
        }
        return sb.toString().getBytes(charset);
    }

    private static StringBuilder two(StringBuilder sb, long value) {
        return sb.append(value < 10 ? "0" : "").append(value);
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
