package com.example.jmcp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The examples' logging set-up, in code: everything to stderr (stdout carries the protocol when a server runs over
 * stdio, and CLI output otherwise), at the level of {@code -Djmcp.log.level} or the environment variable {@code
 * JMCP_LOG_LEVEL} (default WARN). Configuring in code keeps logback's XML machinery (Joran, about 250 classes) and
 * its pattern parser ({@link StderrLineEncoder} formats the line) off the start path of a stdio server; {@code
 * -Dlogback.configurationFile=...} still takes precedence.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
    /** Used by logback's ServiceLoader. */
    public StderrLogging() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        StderrLineEncoder encoder = new StderrLineEncoder(); // %d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        String level = System.getProperty("jmcp.log.level", System.getenv("JMCP_LOG_LEVEL"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
