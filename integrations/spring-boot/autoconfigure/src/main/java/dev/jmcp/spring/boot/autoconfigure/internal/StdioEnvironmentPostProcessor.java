package dev.jmcp.spring.boot.autoconfigure.internal;

import dev.jmcp.transport.stdio.StdioServerTransport;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * With {@code jmcp.server.transport=stdio}: no web server and no banner (unless the application sets them
 * explicitly), and stdout reserved for the protocol before logging starts, so every log line and stray print goes
 * to stderr.
 */
public final class StdioEnvironmentPostProcessor implements EnvironmentPostProcessor {
    static final String PROPERTY_SOURCE = "jmcpStdioDefaults";

    /** Created by Spring Boot. */
    public StdioEnvironmentPostProcessor() {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String transport = environment.getProperty("jmcp.server.transport");
        if (transport == null || !transport.trim().equalsIgnoreCase("stdio")) {
            return;
        }
        if (!environment.getProperty("jmcp.server.enabled", Boolean.class, true)) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        PROPERTY_SOURCE,
                        Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off")));
        if (ClassUtils.isPresent(
                "dev.jmcp.transport.stdio.StdioServerTransport", getClass().getClassLoader())) {
            StdioServerTransport.captureSystemStdout();
        }
    }
}
