package dev.jmcp.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the configured MCP client connections, each {@code not started} (never asked for; checking does not
 * connect it), {@code connected} or {@code disconnected}. {@code DOWN} when a started client is disconnected.
 */
public final class McpClientsHealthIndicator implements HealthIndicator {
    private final McpClients clients;

    /**
     * An indicator for {@code clients}.
     *
     * @param clients the configured clients
     */
    public McpClientsHealthIndicator(McpClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean down = false;
        for (String name : clients.names()) {
            if (!clients.isStarted(name)) {
                states.put(name, "not started");
            } else if (clients.get(name).isConnected()) {
                states.put(name, "connected");
            } else {
                states.put(name, "disconnected");
                down = true;
            }
        }
        return (down ? Health.down() : Health.up()).withDetails(states).build();
    }
}
