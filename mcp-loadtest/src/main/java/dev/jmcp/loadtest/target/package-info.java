/**
 * The small SPI the load-test engine drives: a {@link dev.jmcp.loadtest.target.Target} opens
 * {@link dev.jmcp.loadtest.target.TargetSession}s that execute {@link dev.jmcp.loadtest.target.Step}s and classify
 * what happened in a {@link dev.jmcp.loadtest.target.StepOutcome}.
 *
 * <p>The MCP binding, {@link dev.jmcp.loadtest.target.McpTarget} (HTTP and stdio over {@code mcp-client}), is
 * registered with {@link java.util.ServiceLoader} as a {@link dev.jmcp.loadtest.target.TargetFactory} and a
 * {@link dev.jmcp.loadtest.target.Discovery};
 * {@link dev.jmcp.loadtest.target.SimulatedTarget} is an in-process server model for self-tests.
 */
package dev.jmcp.loadtest.target;
