/**
 * The load tester's implementation: configuration parsing, the open- and closed-model engine, histogram
 * collection, breaking-point detection, thresholds and the report writers. Not a public API.
 */
package dev.jmcp.loadtest.internal;
