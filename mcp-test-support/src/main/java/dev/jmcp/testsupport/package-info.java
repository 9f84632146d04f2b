/** Helpers that jmcp's own test suites share: bounded polling and thread probes. Test scope only. */
package dev.jmcp.testsupport;
