package dev.jmcp.loadtest.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The generator process's own CPU use between two readings, as a fraction of all its processors; {@code -1} where
 * the JVM does not expose process CPU time. Reads {@code com.sun.management.OperatingSystemMXBean} (HotSpot,
 * OpenJ9).
 */
final class CpuMeter {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final int processors = Runtime.getRuntime().availableProcessors();
    private long lastCpu;
    private long lastWall;
    private final long firstCpu;
    private final long firstWall;

    CpuMeter() {
        lastCpu = cpuNanos();
        lastWall = System.nanoTime();
        firstCpu = lastCpu;
        firstWall = lastWall;
    }

    int processors() {
        return processors;
    }

    private long cpuNanos() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** The CPU fraction since the previous call (or since creation), or -1 if unknown. */
    double sinceLast() {
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        double f = fraction(cpu - lastCpu, wall - lastWall, cpu);
        lastCpu = cpu;
        lastWall = wall;
        return f;
    }

    /** The CPU fraction since creation, or -1 if unknown. */
    double sinceStart() {
        long cpu = cpuNanos();
        return fraction(cpu - firstCpu, System.nanoTime() - firstWall, cpu);
    }

    private double fraction(long cpu, long wall, long raw) {
        if (raw < 0 || firstCpu < 0 || wall <= 0) {
            return -1;
        }
        return Math.min(1.0, cpu / (double) wall / processors);
    }
}
