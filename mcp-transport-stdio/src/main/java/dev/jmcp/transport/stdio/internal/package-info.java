/**
 * Implementation of the stdio transports: line framing with a size limit ({@link
 * dev.jmcp.transport.stdio.internal.LineReader}), a bounded write queue with its own writer thread ({@link
 * dev.jmcp.transport.stdio.internal.FrameWriter}), the stderr pump of a child process and the shutdown sequence
 * of a child process, and the listener gate that delivers inbound lines and closes the listener once. Not API: may change without notice.
 */
package dev.jmcp.transport.stdio.internal;
