package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.client.McpClient;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The configured connections ({@code jmcp.client.connections.*}) by name. {@link #get} connects a client on first
 * use; {@link #isStarted} tells whether it was ever asked for, without connecting it.
 */
public final class McpClients {
    private final List<String> names;
    private final ConfigurableListableBeanFactory beanFactory;

    McpClients(List<String> names, BeanFactory beanFactory) {
        this.names = List.copyOf(names);
        this.beanFactory = (ConfigurableListableBeanFactory) Objects.requireNonNull(beanFactory, "beanFactory");
    }

    /**
     * The connection names.
     *
     * @return the connection names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The client of connection {@code name}, connected on the first call (the same instance afterwards).
     *
     * @param name the name
     * @return the client of connection {@code name}, connected on the first call (the same instance afterwards)
     * @throws IllegalArgumentException when no connection has that name
     */
    public McpClient get(String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("no MCP client connection named '" + name + "'; configured: " + names);
        }
        return beanFactory.getBean(name, McpClient.class);
    }

    /**
     * Whether the client of {@code name} has been created (and so a connection attempted).
     *
     * @param name the client's name in the configuration
     * @return whether the client of {@code name} has been created (and so a connection attempted)
     */
    public boolean isStarted(String name) {
        return names.contains(name) && beanFactory.containsSingleton(name);
    }
}
