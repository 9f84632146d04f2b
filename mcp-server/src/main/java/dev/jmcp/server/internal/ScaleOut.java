package dev.jmcp.server.internal;

import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.server.SessionStore;
import dev.jmcp.server.TaskRecovery;
import dev.jmcp.server.TaskStore;
import java.time.Duration;

/**
 * What a scaled-out server shares with its other instances (issue #18). Without a store (the default) sessions and
 * tasks stay in this instance's memory, as before, and the bus is local.
 *
 * @param sessionStore the handshake-era sessions, or null
 * @param sessionTtl how long a stored session lives without use
 * @param taskStore the tasks, or null
 * @param bus the server-wide fan-out (resource updates, list changes, task cancellation, session changes)
 * @param taskLease how long a running task's lease lasts without renewal (renewed every third of it)
 * @param taskRecovery what another instance does with a task whose lease expired
 */
public record ScaleOut(
        SessionStore sessionStore,
        Duration sessionTtl,
        TaskStore taskStore,
        MessageBus bus,
        Duration taskLease,
        TaskRecovery taskRecovery) {
    /** The default stored-session TTL: 30 minutes, the servlet's default idle timeout. */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofMinutes(30);
    /** The default task lease: 15 seconds, renewed every 5 seconds while the handler runs. */
    public static final Duration DEFAULT_TASK_LEASE = Duration.ofSeconds(15);

    /**
     * What is shared, with the default task lease and recovery.
     *
     * @param sessionStore the handshake-era sessions, or null
     * @param sessionTtl how long a stored session lives without use
     * @param taskStore the tasks, or null
     * @param bus the server-wide fan-out
     */
    public ScaleOut(SessionStore sessionStore, Duration sessionTtl, TaskStore taskStore, MessageBus bus) {
        this(sessionStore, sessionTtl, taskStore, bus, DEFAULT_TASK_LEASE, TaskRecovery.FAIL);
    }

    /**
     * Nothing shared.
     *
     * @return the in-memory, single-instance setting
     */
    public static ScaleOut none() {
        return new ScaleOut(null, DEFAULT_SESSION_TTL, null, LocalMessageBus.local());
    }

    /** Whether sessions are shared with other instances. */
    public boolean sharesSessions() {
        return sessionStore != null;
    }

    /** Whether tasks are shared with other instances. */
    public boolean sharesTasks() {
        return taskStore != null;
    }
}
