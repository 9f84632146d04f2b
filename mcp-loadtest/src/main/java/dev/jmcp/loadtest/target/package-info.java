/**
 * The small SPI the load-test engine drives: a {@link dev.jmcp.loadtest.target.Target} opens
 * {@link dev.jmcp.loadtest.target.TargetSession}s that execute {@link dev.jmcp.loadtest.target.Step}s and classify
 * what happened in a {@link dev.jmcp.loadtest.target.StepOutcome}.
 *
 * <p>The MCP binding implements {@link dev.jmcp.loadtest.target.TargetFactory} and
 * {@link dev.jmcp.loadtest.target.Discovery} and registers them with {@link java.util.ServiceLoader};
 * {@link dev.jmcp.loadtest.target.SimulatedTarget} is an in-process server model for self-tests.
 */
package dev.jmcp.loadtest.target;
