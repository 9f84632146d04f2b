package dev.jmcp.test;

import dev.jmcp.client.ListKind;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.logging.LoggingMessageNotification;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Bounded waits on what a client received ({@link McpNotifications}): each method polls the recorded
 * notifications until the expected one arrived or its timeout passed, then returns this assertion for chaining or
 * throws {@link AssertionError} naming the expectation and everything that arrived. Notifications that arrived
 * before the call count too.
 */
public final class NotificationsAssert {
    private final McpNotifications actual;

    NotificationsAssert(McpNotifications actual) {
        this.actual = actual;
    }

    /**
     * Waits for at least {@code count} progress notifications (of any request).
     *
     * @param count the count
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitProgress(int count, Duration timeout) {
        return check(
                actual.await(actual::progress, p -> p.size() >= count, timeout),
                "at least " + count + " progress notifications",
                timeout);
    }

    /**
     * Waits for a log message at {@code level} whose data (its text, or its JSON when not a string) contains
     * {@code textContaining}.
     *
     * @param level the level
     * @param textContaining the text containing
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitLog(LoggingLevel level, String textContaining, Duration timeout) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(textContaining, "textContaining");
        return check(
                actual.await(
                        actual::logs,
                        logs -> logs.stream().anyMatch(l -> l.level() == level && text(l).contains(textContaining)),
                        timeout),
                "a " + level.wire() + " log message containing \"" + textContaining + "\"",
                timeout);
    }

    /**
     * Waits for a {@code list_changed} notification of the given list.
     *
     * @param kind the kind
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitListChanged(ListKind kind, Duration timeout) {
        Objects.requireNonNull(kind, "kind");
        return check(
                actual.await(actual::listChanges, k -> k.contains(kind), timeout),
                "notifications/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/list_changed",
                timeout);
    }

    /**
     * Waits for {@code notifications/tools/list_changed}.
     *
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitToolListChanged(Duration timeout) {
        return awaitListChanged(ListKind.TOOLS, timeout);
    }

    /**
     * Waits for {@code notifications/resources/list_changed}.
     *
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitResourceListChanged(Duration timeout) {
        return awaitListChanged(ListKind.RESOURCES, timeout);
    }

    /**
     * Waits for {@code notifications/prompts/list_changed}.
     *
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitPromptListChanged(Duration timeout) {
        return awaitListChanged(ListKind.PROMPTS, timeout);
    }

    /**
     * Waits for {@code notifications/resources/updated} for {@code uri}.
     *
     * @param uri the resource's URI
     * @param timeout how long to wait
     * @return this assertion, for chaining
     */
    public NotificationsAssert awaitResourceUpdated(String uri, Duration timeout) {
        Objects.requireNonNull(uri, "uri");
        return check(
                actual.await(
                        actual::resourceUpdates,
                        updates -> updates.stream().anyMatch(u -> u.uri().equals(uri)),
                        timeout),
                "notifications/resources/updated for " + uri,
                timeout);
    }

    /**
     * The recorder, for assertions this class does not have.
     *
     * @return the recorder, for assertions this class does not have
     */
    public McpNotifications actual() {
        return actual;
    }

    private NotificationsAssert check(boolean arrived, String expectation, Duration timeout) {
        if (!arrived) {
            throw new AssertionError(
                    "expected " + expectation + " within " + timeout.toMillis() + " ms, but received: " + actual);
        }
        return this;
    }

    private static String text(LoggingMessageNotification log) {
        JsonNode data = log.data();
        return data.isString() ? data.asString() : data.toString();
    }
}
