package dev.jmcp.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code jmcp.client.*} properties: named connections, each of which becomes an {@code McpClient} bean of that
 * name, connected when first needed and closed with the context.
 */
@ConfigurationProperties(prefix = "jmcp.client")
public class McpClientProperties {

    /** Whether connections become McpClient beans. */
    private boolean enabled = true;

    /** Timeout of each request, for connections that set none. */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /** The connections by name; each name becomes the name of an McpClient bean. */
    private Map<String, Connection> connections = new LinkedHashMap<>();

    /** Micrometer metrics of the client beans. */
    private final Metrics metrics = new Metrics();

    /** Micrometer metrics (mcp.client.operation.duration). */
    public static class Metrics {
        /** Whether client beans record MCP metrics when a Micrometer MeterRegistry bean exists. */
        private boolean enabled = true;

        /**
         * Whether the metrics are recorded.
         *
         * @return whether the metrics are recorded
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the metrics are recorded.
         *
         * @param enabled whether the metrics are recorded
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * The metrics settings.
     *
     * @return the metrics settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /** One connection: either an HTTP url or a stdio command. */
    public static class Connection {
        /**
         * The Streamable HTTP endpoint, e.g. https://mcp.example.com/mcp. Placeholders are resolved when the client
         * is created, so ${local.server.port} works.
         */
        private String url;

        /** Headers sent with every HTTP request, e.g. Authorization. */
        private Map<String, String> headers = new LinkedHashMap<>();

        /** The command (and arguments) that starts a stdio server, e.g. npx,-y,@modelcontextprotocol/server-everything. */
        private List<String> command = new ArrayList<>();

        /** Environment variables for the stdio server (added to a small safe set inherited from this process). */
        private Map<String, String> environment = new LinkedHashMap<>();

        /** The working directory of the stdio server. */
        private Path workingDirectory;

        /** Timeout of each request; the jmcp.client.request-timeout when unset. */
        private Duration requestTimeout;

        /** The protocol revision to pin, e.g. 2025-11-25; the newest when unset. */
        private String protocolVersion;

        /** OAuth client credentials for an HTTP connection to a protected server. */
        private OAuth oauth = new OAuth();

        /**
         * The HTTP endpoint, or null.
         *
         * @return the HTTP endpoint, or null
         */
        public String getUrl() {
            return url;
        }

        /**
         * Sets the HTTP endpoint.
         *
         * @param url the HTTP endpoint
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /**
         * The HTTP headers.
         *
         * @return the HTTP headers
         */
        public Map<String, String> getHeaders() {
            return headers;
        }

        /**
         * Sets the HTTP headers.
         *
         * @param headers the HTTP headers
         */
        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        /**
         * The stdio command.
         *
         * @return the stdio command
         */
        public List<String> getCommand() {
            return command;
        }

        /**
         * Sets the stdio command.
         *
         * @param command the stdio command
         */
        public void setCommand(List<String> command) {
            this.command = command;
        }

        /**
         * The stdio server's extra environment.
         *
         * @return the stdio server's extra environment
         */
        public Map<String, String> getEnvironment() {
            return environment;
        }

        /**
         * Sets the stdio server's extra environment.
         *
         * @param environment the stdio server's extra environment
         */
        public void setEnvironment(Map<String, String> environment) {
            this.environment = environment;
        }

        /**
         * The stdio server's working directory, or null.
         *
         * @return the stdio server's working directory, or null
         */
        public Path getWorkingDirectory() {
            return workingDirectory;
        }

        /**
         * Sets the stdio server's working directory.
         *
         * @param workingDirectory the stdio server's working directory
         */
        public void setWorkingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }

        /**
         * The request timeout, or null.
         *
         * @return the request timeout, or null
         */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /**
         * Sets the request timeout.
         *
         * @param requestTimeout the request timeout
         */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        /**
         * The pinned protocol revision, or null.
         *
         * @return the pinned protocol revision, or null
         */
        public String getProtocolVersion() {
            return protocolVersion;
        }

        /**
         * Sets the pinned protocol revision.
         *
         * @param protocolVersion the pinned protocol revision
         */
        public void setProtocolVersion(String protocolVersion) {
            this.protocolVersion = protocolVersion;
        }

        /**
         * The OAuth client credentials.
         *
         * @return the OAuth client credentials
         */
        public OAuth getOauth() {
            return oauth;
        }

        /**
         * Sets the OAuth client credentials.
         *
         * @param oauth the OAuth client credentials
         */
        public void setOauth(OAuth oauth) {
            this.oauth = oauth;
        }
    }

    /**
     * OAuth 2.1 client credentials grant (a machine client) for an HTTP connection: on the server's 401 the client
     * discovers the authorization server from the protected resource metadata, fetches a token from its token
     * endpoint with these credentials and sends it as a bearer token; expired tokens are fetched again. Off unless
     * client-id is set.
     */
    public static class OAuth {
        /** The client id registered at the authorization server; setting it turns OAuth on for the connection. */
        private String clientId;

        /** The client secret. */
        private String clientSecret;

        /**
         * The authorization server's issuer, exactly as the server's resource metadata names it; when set, the
         * credentials are sent to that authorization server only. Unset: to the first one the resource names.
         */
        private String issuer;

        /** Scopes to request; unset: the ones the server's challenge or resource metadata asks for. */
        private List<String> scopes = new ArrayList<>();

        /**
         * The token endpoint authentication method: client_secret_basic or client_secret_post; unset: chosen from
         * what the authorization server supports.
         */
        private String tokenEndpointAuthMethod;

        /** Timeout of each request to the authorization server. */
        private Duration requestTimeout = Duration.ofSeconds(30);

        /**
         * The client id, or null.
         *
         * @return the client id, or null
         */
        public String getClientId() {
            return clientId;
        }

        /**
         * Sets the client id.
         *
         * @param clientId the client id
         */
        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        /**
         * The client secret, or null.
         *
         * @return the client secret, or null
         */
        public String getClientSecret() {
            return clientSecret;
        }

        /**
         * Sets the client secret.
         *
         * @param clientSecret the client secret
         */
        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        /**
         * The issuer the credentials belong to, or null.
         *
         * @return the issuer the credentials belong to, or null
         */
        public String getIssuer() {
            return issuer;
        }

        /**
         * Sets the issuer the credentials belong to.
         *
         * @param issuer the issuer the credentials belong to
         */
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /**
         * The scopes to request.
         *
         * @return the scopes to request
         */
        public List<String> getScopes() {
            return scopes;
        }

        /**
         * Sets the scopes to request.
         *
         * @param scopes the scopes to request
         */
        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        /**
         * The token endpoint authentication method, or null.
         *
         * @return the token endpoint authentication method, or null
         */
        public String getTokenEndpointAuthMethod() {
            return tokenEndpointAuthMethod;
        }

        /**
         * Sets the token endpoint authentication method.
         *
         * @param tokenEndpointAuthMethod the token endpoint authentication method
         */
        public void setTokenEndpointAuthMethod(String tokenEndpointAuthMethod) {
            this.tokenEndpointAuthMethod = tokenEndpointAuthMethod;
        }

        /**
         * The timeout of each request to the authorization server.
         *
         * @return the timeout of each request to the authorization server
         */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /**
         * Sets the timeout of each request to the authorization server.
         *
         * @param requestTimeout the timeout of each request to the authorization server
         */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }

    /**
     * Whether connections become beans.
     *
     * @return whether connections become beans
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether connections become beans.
     *
     * @param enabled whether connections become beans
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The default request timeout.
     *
     * @return the default request timeout
     */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Sets the default request timeout.
     *
     * @param requestTimeout the default request timeout
     */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * The connections by name.
     *
     * @return the connections by name
     */
    public Map<String, Connection> getConnections() {
        return connections;
    }

    /**
     * Sets the connections by name.
     *
     * @param connections the connections by name
     */
    public void setConnections(Map<String, Connection> connections) {
        this.connections = connections;
    }
}
