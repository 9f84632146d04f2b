package dev.jmcp.spring.boot.autoconfigure.internal;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.spring.boot.autoconfigure.McpClientCustomizer;
import dev.jmcp.spring.boot.autoconfigure.McpClientProperties;
import dev.jmcp.spring.boot.autoconfigure.McpClientProperties.Connection;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers one lazy {@link McpClient} bean per {@code jmcp.client.connections.<name>}, named {@code <name>}: the
 * client is built (with every {@link McpClientCustomizer}) and connected when the bean is first needed, and
 * closed with the context. An HTTP connection with {@code oauth.client-id} authorizes with the OAuth client
 * credentials grant ({@link OAuthClientProvider}). A connection without a url or command, with both, with
 * incomplete OAuth settings, or whose name is already a bean fails the start with a message naming it.
 */
public final class ClientBeanRegistrar implements BeanDefinitionRegistryPostProcessor {
    private final Environment environment;
    private volatile ConfigurableListableBeanFactory beanFactory;

    /** A registrar reading {@code jmcp.client.*} from {@code environment}. */
    public ClientBeanRegistrar(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        McpClientProperties properties = Binder.get(environment).bindOrCreate("jmcp.client", McpClientProperties.class);
        for (Map.Entry<String, Connection> e : properties.getConnections().entrySet()) {
            String name = e.getKey();
            Connection connection = e.getValue();
            check(name, connection);
            if (registry.containsBeanDefinition(name)) {
                throw new IllegalStateException("MCP client connection '" + name
                        + "': a bean of that name already exists; rename the connection");
            }
            RootBeanDefinition definition = new RootBeanDefinition(McpClient.class);
            definition.setInstanceSupplier(() -> connect(name));
            definition.setLazyInit(true);
            definition.setDestroyMethodName("close");
            registry.registerBeanDefinition(name, definition);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        this.beanFactory = factory;
    }

    private static void check(String name, Connection c) {
        boolean http = c.getUrl() != null;
        boolean stdio = !c.getCommand().isEmpty();
        if (http == stdio) {
            throw new IllegalStateException("MCP client connection '" + name + "': set exactly one of"
                    + " jmcp.client.connections." + name + ".url and jmcp.client.connections." + name + ".command");
        }
        if (http && !c.getUrl().contains("${") && !isUri(c.getUrl())) {
            throw new IllegalStateException(
                    "MCP client connection '" + name + "': url '" + c.getUrl() + "' is not an http(s) URI");
        }
        checkOAuth(name, c.getOauth(), http);
        if (c.getProtocolVersion() != null
                && ProtocolVersion.parse(c.getProtocolVersion()).isEmpty()) {
            throw new IllegalStateException("MCP client connection '" + name + "': unknown protocol-version '"
                    + c.getProtocolVersion() + "'; known: " + ProtocolVersion.allIds());
        }
    }

    private static void checkOAuth(String name, McpClientProperties.OAuth oauth, boolean http) {
        String prefix = "MCP client connection '" + name + "': jmcp.client.connections." + name + ".oauth.";
        if (oauth.getClientId() == null) {
            if (oauth.getClientSecret() != null
                    || oauth.getIssuer() != null
                    || !oauth.getScopes().isEmpty()) {
                throw new IllegalStateException(prefix + "client-id is required with the other oauth properties");
            }
            return;
        }
        if (!http) {
            throw new IllegalStateException(prefix + "* applies to HTTP connections (url), not to a command");
        }
        if (oauth.getClientSecret() == null || oauth.getClientSecret().isEmpty()) {
            throw new IllegalStateException(prefix + "client-secret is required with client-id");
        }
        String method = oauth.getTokenEndpointAuthMethod();
        if (method != null
                && !List.of("client_secret_basic", "client_secret_post").contains(method)) {
            throw new IllegalStateException(prefix + "token-endpoint-auth-method '" + method
                    + "' is not client_secret_basic or client_secret_post");
        }
        if (oauth.getIssuer() != null && !isUri(oauth.getIssuer())) {
            throw new IllegalStateException(prefix + "issuer '" + oauth.getIssuer() + "' is not an http(s) URI");
        }
    }

    /** The OAuth client of a connection (one per client bean: its tokens survive reconnections), or null. */
    private static HttpAuthorizer authorizer(McpClientProperties.OAuth oauth) {
        if (oauth.getClientId() == null) {
            return null;
        }
        OAuthClientProvider.Builder b =
                OAuthClientProvider.builder().clientCredentialsGrant().requestTimeout(oauth.getRequestTimeout());
        if (oauth.getIssuer() != null) {
            b.clientCredentials(oauth.getIssuer().trim(), oauth.getClientId(), oauth.getClientSecret());
        } else {
            b.clientCredentials(oauth.getClientId(), oauth.getClientSecret());
        }
        if (!oauth.getScopes().isEmpty()) {
            b.scopes(oauth.getScopes());
        }
        if (oauth.getTokenEndpointAuthMethod() != null) {
            b.tokenEndpointAuthMethod(oauth.getTokenEndpointAuthMethod());
        }
        return b.build();
    }

    private static boolean isUri(String url) {
        try {
            URI uri = URI.create(url.trim());
            return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private McpClient connect(String name) {
        // bound again now, so placeholders that resolve only after start-up (${local.server.port}) work
        McpClientProperties properties = Binder.get(environment).bindOrCreate("jmcp.client", McpClientProperties.class);
        Connection connection = properties.getConnections().get(name);
        check(name, connection);
        Duration timeout = connection.getRequestTimeout() != null
                ? connection.getRequestTimeout()
                : properties.getRequestTimeout();
        HttpAuthorizer authorizer = connection.getUrl() != null ? authorizer(connection.getOauth()) : null;
        McpClientBuilder builder = McpClient.builder()
                .transport(() -> transport(connection, authorizer))
                .requestTimeout(timeout);
        if (connection.getProtocolVersion() != null) {
            builder.protocolVersion(
                    ProtocolVersion.parse(connection.getProtocolVersion()).orElseThrow());
        }
        beanFactory.getBeanProvider(McpClientCustomizer.class).orderedStream().forEach(c -> c.customize(name, builder));
        McpClient client = builder.build();
        try {
            client.connect();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static Transport transport(Connection c, HttpAuthorizer authorizer) {
        if (c.getUrl() != null) {
            StreamableHttpClientTransport.Builder b = StreamableHttpClientTransport.builder(
                            URI.create(c.getUrl().trim()))
                    .headers(c.getHeaders());
            if (authorizer != null) {
                b.authorizer(authorizer);
            }
            return b.build();
        }
        StdioClientTransport.Builder b =
                StdioClientTransport.builder(c.getCommand()).environment(c.getEnvironment());
        if (c.getWorkingDirectory() != null) {
            b.workingDirectory(c.getWorkingDirectory());
        }
        return b.build();
    }
}
