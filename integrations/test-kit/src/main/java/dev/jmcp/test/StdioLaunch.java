package dev.jmcp.test;

import dev.jmcp.transport.stdio.StdioClientTransport;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/** How {@link McpTestTransport#STDIO} launches its server: {@code java -cp <class path> <stdioMain> <args>}. */
final class StdioLaunch {
    /** JVM options that shorten the subprocess's start, which dominates a stdio test. */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private StdioLaunch() {}

    /** Fails with a message naming the problem unless {@code settings} names a launchable main class. */
    static void check(Class<?> testClass, McpTest settings) {
        Class<?> main = settings.stdioMain();
        if (main == void.class) {
            throw new ExtensionConfigurationException(testClass.getName()
                    + " uses transport STDIO: name the server's main class with @McpTest(stdioMain = ...)");
        }
        if (!AnnotationSupport.findAnnotatedMethods(testClass, McpTestServer.class, HierarchyTraversalMode.BOTTOM_UP)
                .isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getName() + " uses transport STDIO, whose server is"
                    + " stdioMain's: remove its @McpTestServer method");
        }
        try {
            Method method = main.getMethod("main", String[].class);
            if (!Modifier.isStatic(method.getModifiers())) {
                throw new NoSuchMethodException("main is not static");
            }
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(
                    "stdioMain " + main.getName() + " has no public static void main(String[])", e);
        }
    }

    /** A transport that starts a new server process on connect and ends (and reaps) it on close. */
    static StdioClientTransport transport(McpTest settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FAST_START);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(settings.stdioMain().getName());
        command.addAll(List.of(settings.stdioArgs()));
        return StdioClientTransport.builder(command).build();
    }
}
