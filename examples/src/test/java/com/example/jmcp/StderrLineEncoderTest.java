package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** The examples' hand-written log line is the line of the pattern it replaces. */
class StderrLineEncoderTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void aLineIsTheLineOfThePatternItReplaces() {
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        pattern.start();
        StderrLineEncoder encoder = new StderrLineEncoder();
        encoder.setContext(context);
        encoder.start();
        for (Level level : new Level[] {Level.WARN, Level.INFO, Level.ERROR, Level.DEBUG}) {
            LoggingEvent event = new LoggingEvent(
                    "fqcn",
                    context.getLogger("dev.jmcp.transport.stdio.StdioServerTransport"),
                    level,
                    "answered {} requests",
                    null,
                    new Object[] {3});
            event.setTimeStamp(1_765_000_000_123L + level.toInt() * 3_601_007L);
            assertThat(new String(encoder.encode(event), Charset.defaultCharset()))
                    .isEqualTo(new String(pattern.encode(event), Charset.defaultCharset()));
        }
    }

    @Test
    void aThrowableFollowsTheLineWithItsStackTrace() {
        StderrLineEncoder encoder = new StderrLineEncoder();
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent(
                "fqcn", context.getLogger("x"), Level.WARN, "failed", new IllegalStateException("boom"), null);
        String text = new String(encoder.encode(event), Charset.defaultCharset());
        assertThat(text)
                .contains("WARN  [")
                .contains("] x - failed")
                .contains("java.lang.IllegalStateException: boom")
                .contains("\tat com.example.jmcp.StderrLineEncoderTest");
    }
}
