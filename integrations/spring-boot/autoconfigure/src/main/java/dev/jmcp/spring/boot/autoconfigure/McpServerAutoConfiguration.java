package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.ServerResource;
import dev.jmcp.server.ServerResourceTemplate;
import dev.jmcp.server.ServerTool;
import dev.jmcp.spring.boot.autoconfigure.internal.Authorizations;
import dev.jmcp.spring.boot.autoconfigure.internal.HandlerBeans;
import dev.jmcp.spring.boot.autoconfigure.internal.ServletShutdown;
import dev.jmcp.spring.boot.autoconfigure.internal.StdioServerRunner;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import dev.jmcp.transport.http.servlet.ProtectedResourceMetadataServlet;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.stdio.StdioServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The MCP server: built from every bean with annotated handler methods and every {@link ServerTool}, {@link
 * ServerResource}, {@link ServerResourceTemplate} and {@link ServerPrompt} bean, configured by {@code
 * jmcp.server.*}, then served by {@link McpHttpServlet} in the embedded servlet container at {@code
 * jmcp.server.path} or, with {@code jmcp.server.transport=stdio}, on stdin/stdout. A user {@link McpServer} bean
 * replaces the built one; {@link McpServerCustomizer} beans adjust it.
 */
@AutoConfiguration
@ConditionalOnClass(McpServer.class)
@ConditionalOnProperty(prefix = "jmcp.server", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpServerProperties.class)
public class McpServerAutoConfiguration {

    /** Created by Spring. */
    public McpServerAutoConfiguration() {}

    /**
     * The server, unless the application defines its own.
     *
     * @param properties the {@code jmcp.server.*} properties
     * @param environment the environment
     * @param beanFactory the bean factory
     * @param tools the application's {@code ServerTool} beans
     * @param resources the resources
     * @param templates the templates
     * @param prompts the prompts
     * @param customizers the customizers
     * @return the server, unless the application defines its own
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public McpServer mcpServer(
            McpServerProperties properties,
            Environment environment,
            ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<ServerTool> tools,
            ObjectProvider<ServerResource> resources,
            ObjectProvider<ServerResourceTemplate> templates,
            ObjectProvider<ServerPrompt> prompts,
            ObjectProvider<McpServerCustomizer> customizers) {
        McpServerProperties.Limits limits = properties.getLimits();
        String name = properties.getName() != null
                ? properties.getName()
                : environment.getProperty("spring.application.name", "mcp-server");
        McpServer.Builder builder = McpServer.builder()
                .name(name)
                .version(properties.getVersion())
                .handlerTimeout(limits.getHandlerTimeout())
                .pageSize(limits.getPageSize())
                .maxConcurrentRequestsPerSession(limits.getMaxConcurrentRequestsPerSession())
                .handlerConcurrency(limits.getMaxConcurrentHandlers(), limits.getHandlerSlotWait());
        if (properties.getInstructions() != null) {
            builder.instructions(properties.getInstructions());
        }
        if (properties.getRequestStateKeys() != null
                && !properties.getRequestStateKeys().isBlank()) {
            builder.requestStateKeys(properties.getRequestStateKeys());
        }
        tools.orderedStream().forEach(builder::tool);
        resources.orderedStream().forEach(r -> builder.resource(r.resource(), r.handler()));
        templates.orderedStream().forEach(builder::resourceTemplate);
        prompts.orderedStream().forEach(builder::prompt);
        HandlerBeans.find(beanFactory).forEach(builder::handlers);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /** Streamable HTTP in the embedded servlet container (the default transport). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({McpHttpServlet.class, ServletRegistrationBean.class})
    @ConditionalOnProperty(prefix = "jmcp.server", name = "transport", havingValue = "servlet", matchIfMissing = true)
    public static class ServletTransportConfiguration {

        /** Created by Spring. */
        public ServletTransportConfiguration() {}

        /**
         * The servlet, unless the application defines its own.
         *
         * @param server the auto-configured server
         * @param properties the {@code jmcp.server.*} properties
         * @param customizers the application's servlet customizers, applied in order
         * @return the servlet, unless the application defines its own
         */
        @Bean
        @ConditionalOnMissingBean
        public McpHttpServlet mcpHttpServlet(
                McpServer server,
                McpServerProperties properties,
                ObjectProvider<McpHttpServletCustomizer> customizers) {
            McpServerProperties.Limits limits = properties.getLimits();
            McpHttpServlet.Builder builder = McpHttpServlet.builder(server)
                    .stateless(properties.isStateless())
                    .dnsRebindingProtection(properties.getDnsRebindingProtection())
                    .allowedHosts(properties.getAllowedHosts())
                    .allowedOrigins(properties.getAllowedOrigins())
                    .maxSessions(limits.getMaxSessions())
                    .maxSessionsPerPrincipal(limits.getMaxSessionsPerPrincipal())
                    .sessionIdleTimeout(limits.getSessionIdleTimeout())
                    .keepAliveInterval(limits.getKeepAliveInterval())
                    .maxRequestBytes(limits.getMaxRequestBytes());
            ResourceServerAuth auth = Authorizations.of(properties.getAuthorization());
            if (auth != null) {
                builder.authorization(auth);
            }
            customizers.orderedStream().forEach(c -> c.customize(builder));
            return builder.build();
        }

        /**
         * Serves the protected resource metadata at its well-known paths when the endpoint is protected.
         *
         * @param servlet the auto-configured MCP servlet
         * @return the initializer mounting the metadata servlet
         */
        @Bean
        @ConditionalOnMissingBean(name = "mcpResourceMetadataInitializer")
        public ServletContextInitializer mcpResourceMetadataInitializer(McpHttpServlet servlet) {
            return context -> servlet.authorization().ifPresent(auth -> context.addServlet(
                            "mcpResourceMetadata", new ProtectedResourceMetadataServlet(auth))
                    .addMapping(auth.wellKnownPaths().toArray(String[]::new)));
        }

        /**
         * Closes the servlet's sessions and streams before the web server's graceful shutdown waits for them.
         *
         * @param servlet the auto-configured MCP servlet
         * @return the bean that closes the servlet on shutdown
         */
        @Bean
        public ServletShutdown mcpServletShutdown(McpHttpServlet servlet) {
            return new ServletShutdown(servlet);
        }

        /**
         * Mounts the servlet at {@code jmcp.server.path} (and the legacy SSE paths when enabled), asynchronous.
         *
         * @param servlet the auto-configured MCP servlet
         * @param properties the {@code jmcp.server.*} properties
         * @return the registration of the MCP servlet
         */
        @Bean
        @ConditionalOnMissingBean(name = "mcpServletRegistration")
        public ServletRegistrationBean<McpHttpServlet> mcpServletRegistration(
                McpHttpServlet servlet, McpServerProperties properties) {
            ServletRegistrationBean<McpHttpServlet> registration =
                    new ServletRegistrationBean<>(servlet, properties.getPath());
            registration.addUrlMappings(servlet.legacySsePaths().toArray(String[]::new));
            registration.setName("mcpHttpServlet");
            registration.setAsyncSupported(true);
            registration.setLoadOnStartup(1);
            return registration;
        }
    }

    /** stdin/stdout, for desktop hosts that launch the application ({@code jmcp.server.transport=stdio}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StdioServer.class)
    @ConditionalOnProperty(prefix = "jmcp.server", name = "transport", havingValue = "stdio")
    public static class StdioTransportConfiguration {

        /** Created by Spring. */
        public StdioTransportConfiguration() {}

        /**
         * Serves the server on stdio once the context has started; closes the context when stdin ends.
         *
         * @param server the auto-configured server
         * @param context the context
         * @return the runner serving the server on stdio
         */
        @Bean
        public StdioServerRunner mcpStdioServerRunner(McpServer server, ConfigurableApplicationContext context) {
            return new StdioServerRunner(server, context);
        }
    }
}
