/**
 * Side-by-side HTTP benchmark servers (jmcp, the official MCP Java SDK, a bare Jetty servlet) serving the same
 * {@code echo} and {@code work} tools on the same embedded Jetty, and {@link dev.jmcp.bench.OpenLoad}, an
 * open-model load generator. Not an SDK artifact; driven by {@code bench/run.sh}.
 */
package dev.jmcp.bench;
