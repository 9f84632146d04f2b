/** The {@code jmcp-loadtest} command line ({@code run}, {@code init}, {@code find-ceiling}). */
package dev.jmcp.loadtest.cli;
