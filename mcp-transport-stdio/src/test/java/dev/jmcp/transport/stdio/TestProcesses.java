package dev.jmcp.transport.stdio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command lines that run a test main class in a fresh JVM with the test classpath. */
final class TestProcesses {
    private TestProcesses() {}

    /** The command line running {@code main} with {@code args}, tuned for fast start-up. */
    static List<String> java(Class<?> main, String... args) {
        return java(true, main, args);
    }

    /** The command line running {@code main}; {@code fastStart} trades peak speed for start-up (C1 only). */
    static List<String> java(boolean fastStart, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (fastStart) {
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-Xss512k");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}
