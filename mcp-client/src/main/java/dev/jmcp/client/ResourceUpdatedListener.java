package dev.jmcp.client;

import dev.jmcp.core.protocol.resources.ResourceUpdatedNotification;

/** Told when a subscribed resource (or a sub-resource of it) changed ({@code notifications/resources/updated}). */
@FunctionalInterface
public interface ResourceUpdatedListener {
    /**
     * The resource changed; read it again for its content.
     *
     * @param update the update
     */
    void onUpdated(ResourceUpdatedNotification update);
}
