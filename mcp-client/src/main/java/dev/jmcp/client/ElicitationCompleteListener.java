package dev.jmcp.client;

import dev.jmcp.core.protocol.elicitation.ElicitationCompleteNotification;

/**
 * Told when the server reports that a URL-mode elicitation finished out of band
 * ({@code notifications/elicitation/complete}, 2025-11-25): the application may close its prompt and retry what
 * needed the elicitation.
 */
@FunctionalInterface
public interface ElicitationCompleteListener {
    /**
     * The elicitation with {@code notification.elicitationId()} completed.
     *
     * @param notification the notification
     */
    void onComplete(ElicitationCompleteNotification notification);
}
