/**
 * Tasks (SEP-1686, 2025-11-25): task-augmented requests, task state, and the {@code tasks/*} messages.
 * In 2026-07-28 tasks moved to the {@code io.modelcontextprotocol/tasks} extension.
 */
package dev.jmcp.core.protocol.tasks;
