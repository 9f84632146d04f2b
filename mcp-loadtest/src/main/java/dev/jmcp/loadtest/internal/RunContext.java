package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.target.Target;

/**
 * What the load models of one run share: the settings, the target, the iteration runner, the clock, the metrics,
 * the stop state and the workers.
 */
record RunContext(
        LoadTestConfig.Settings settings,
        Target target,
        IterationRunner runner,
        Clock clock,
        MetricsHub hub,
        RunControl control,
        WorkerPool workers) {}
