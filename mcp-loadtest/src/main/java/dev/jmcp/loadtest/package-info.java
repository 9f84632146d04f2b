/**
 * jmcp's load tester for MCP servers: the Java API ({@link dev.jmcp.loadtest.LoadTest}), the configuration model
 * ({@link dev.jmcp.loadtest.LoadTestConfig}, read from TOML by {@link dev.jmcp.loadtest.ConfigLoader}) and the
 * report ({@link dev.jmcp.loadtest.LoadTestReport}).
 */
package dev.jmcp.loadtest;
