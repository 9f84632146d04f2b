package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.transport.http.servlet.DnsRebindingProtection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code jmcp.server.*} properties: the MCP server the starter builds and how it is served. */
@ConfigurationProperties(prefix = "jmcp.server")
public class McpServerProperties {

    /** How the server is served. */
    public enum Transport {
        /** Streamable HTTP through the servlet in Spring Boot's embedded servlet container. */
        SERVLET,
        /** This process's stdin and stdout, for desktop hosts that launch the application; no web server. */
        STDIO
    }

    /** Whether to build and serve an MCP server. */
    private boolean enabled = true;

    /** How the server is served: servlet (Streamable HTTP in the embedded container) or stdio. */
    private Transport transport = Transport.SERVLET;

    /** The servlet path of the MCP endpoint. */
    private String path = "/mcp";

    /** The server name sent to clients; defaults to spring.application.name, else "mcp-server". */
    private String name;

    /** The server version sent to clients. */
    private String version = "1.0.0";

    /** Instructions sent to clients at initialization (how to use this server). */
    private String instructions;

    /** Whether every POST is a stateless exchange: no sessions, no GET stream. */
    private boolean stateless;

    /** Host header validation against DNS rebinding (the Origin header is checked in every mode). */
    private DnsRebindingProtection dnsRebindingProtection = DnsRebindingProtection.ON;

    /** Host names (with optional port) accepted besides localhost, loopback and the machine's own addresses. */
    private List<String> allowedHosts = new ArrayList<>();

    /** Origins accepted besides the same origin, e.g. https://app.example.com. */
    private List<String> allowedOrigins = new ArrayList<>();

    /**
     * The keys that seal 2026-07-28 requestState values, in the form of JMCP_REQUEST_STATE_KEY: "base64" or
     * "kid:base64[,kid:base64...]" (first the current key, then previous ones). Give every instance behind one load
     * balancer the same keys. Unset: the JMCP_REQUEST_STATE_KEY environment variable, else a random key.
     */
    private String requestStateKeys;

    /** Limits of the server and of its HTTP endpoint. */
    private final Limits limits = new Limits();

    /** OAuth 2.1 resource-server authorization of the HTTP endpoint; on when resource is set. */
    private final Authorization authorization = new Authorization();

    /** Micrometer metrics of the server. */
    private final Metrics metrics = new Metrics();

    /** Micrometer metrics (mcp.server.operation.duration, mcp.server.session.duration). */
    public static class Metrics {
        /** Whether the server records MCP metrics when a Micrometer MeterRegistry bean exists. */
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

    /**
     * The endpoint as an OAuth 2.1 resource server: bearer tokens validated as JWTs against the issuer's JWKS, or
     * by token introspection; protected resource metadata served at the well-known paths.
     */
    public static class Authorization {
        /** The canonical URI of the MCP endpoint, e.g. https://mcp.example.com/mcp; setting it turns authorization on. */
        private String resource;

        /** The authorization server's issuer (published in the metadata and required in JWTs). */
        private String issuer;

        /** The token audience; defaults to the resource. */
        private String audience;

        /** The issuer's JWKS URI: tokens are validated as JWTs (at+jwt). */
        private URI jwksUri;

        /** The introspection endpoint (RFC 7662), instead of jwks-uri. */
        private URI introspectionUri;

        /** The client id this server authenticates with at the introspection endpoint. */
        private String introspectionClientId;

        /** The client secret this server authenticates with at the introspection endpoint. */
        private String introspectionClientSecret;

        /** Scopes every request needs. */
        private Set<String> requiredScopes = new LinkedHashSet<>();

        /** Scopes published in the metadata. */
        private List<String> scopesSupported = new ArrayList<>();

        /**
         * The resource URI, or null when authorization is off.
         *
         * @return the resource URI, or null when authorization is off
         */
        public String getResource() {
            return resource;
        }

        /**
         * Sets the resource URI.
         *
         * @param resource the resource URI
         */
        public void setResource(String resource) {
            this.resource = resource;
        }

        /**
         * The issuer.
         *
         * @return the issuer
         */
        public String getIssuer() {
            return issuer;
        }

        /**
         * Sets the issuer.
         *
         * @param issuer the issuer
         */
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /**
         * The audience, or null for the resource.
         *
         * @return the audience, or null for the resource
         */
        public String getAudience() {
            return audience;
        }

        /**
         * Sets the audience.
         *
         * @param audience the audience
         */
        public void setAudience(String audience) {
            this.audience = audience;
        }

        /**
         * The JWKS URI, or null.
         *
         * @return the JWKS URI, or null
         */
        public URI getJwksUri() {
            return jwksUri;
        }

        /**
         * Sets the JWKS URI.
         *
         * @param jwksUri the JWKS URI
         */
        public void setJwksUri(URI jwksUri) {
            this.jwksUri = jwksUri;
        }

        /**
         * The introspection endpoint, or null.
         *
         * @return the introspection endpoint, or null
         */
        public URI getIntrospectionUri() {
            return introspectionUri;
        }

        /**
         * Sets the introspection endpoint.
         *
         * @param introspectionUri the introspection endpoint
         */
        public void setIntrospectionUri(URI introspectionUri) {
            this.introspectionUri = introspectionUri;
        }

        /**
         * The introspection client id, or null.
         *
         * @return the introspection client id, or null
         */
        public String getIntrospectionClientId() {
            return introspectionClientId;
        }

        /**
         * Sets the introspection client id.
         *
         * @param introspectionClientId the introspection client id
         */
        public void setIntrospectionClientId(String introspectionClientId) {
            this.introspectionClientId = introspectionClientId;
        }

        /**
         * The introspection client secret, or null.
         *
         * @return the introspection client secret, or null
         */
        public String getIntrospectionClientSecret() {
            return introspectionClientSecret;
        }

        /**
         * Sets the introspection client secret.
         *
         * @param introspectionClientSecret the introspection client secret
         */
        public void setIntrospectionClientSecret(String introspectionClientSecret) {
            this.introspectionClientSecret = introspectionClientSecret;
        }

        /**
         * The required scopes.
         *
         * @return the required scopes
         */
        public Set<String> getRequiredScopes() {
            return requiredScopes;
        }

        /**
         * Sets the required scopes.
         *
         * @param requiredScopes the required scopes
         */
        public void setRequiredScopes(Set<String> requiredScopes) {
            this.requiredScopes = requiredScopes;
        }

        /**
         * The published scopes.
         *
         * @return the published scopes
         */
        public List<String> getScopesSupported() {
            return scopesSupported;
        }

        /**
         * Sets the published scopes.
         *
         * @param scopesSupported the published scopes
         */
        public void setScopesSupported(List<String> scopesSupported) {
            this.scopesSupported = scopesSupported;
        }
    }

    /** Limits, each with the default of the jmcp builder it maps to. */
    public static class Limits {
        /** Most sessions open at once (HTTP). */
        private int maxSessions = 10_000;

        /** Most sessions open at once per authenticated principal (HTTP). */
        private int maxSessionsPerPrincipal = 100;

        /** A session idle for this long is closed (HTTP). */
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);

        /** Largest request body in bytes (HTTP). */
        private int maxRequestBytes = 4_194_304;

        /** Interval of keep-alive comments on open event streams (HTTP). */
        private Duration keepAliveInterval = Duration.ofSeconds(15);

        /** How long a handler may run before the request is cancelled with an error. */
        private Duration handlerTimeout = Duration.ofMinutes(10);

        /** Most requests in flight per session; beyond it requests are refused with a JSON-RPC error. */
        private int maxConcurrentRequestsPerSession = 256;

        /** Most handlers running at once across all sessions. */
        private int maxConcurrentHandlers = 1024;

        /** How long a request waits for a free handler slot before it is refused. */
        private Duration handlerSlotWait = Duration.ofSeconds(10);

        /** Items per page of the list methods. */
        private int pageSize = 100;

        /**
         * Most sessions open at once (HTTP).
         *
         * @return most sessions open at once (HTTP)
         */
        public int getMaxSessions() {
            return maxSessions;
        }

        /**
         * Sets the most sessions open at once.
         *
         * @param maxSessions the most sessions open at once
         */
        public void setMaxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
        }

        /**
         * Most sessions open at once per principal.
         *
         * @return most sessions open at once per principal
         */
        public int getMaxSessionsPerPrincipal() {
            return maxSessionsPerPrincipal;
        }

        /**
         * Sets the most sessions per principal.
         *
         * @param maxSessionsPerPrincipal the most sessions per principal
         */
        public void setMaxSessionsPerPrincipal(int maxSessionsPerPrincipal) {
            this.maxSessionsPerPrincipal = maxSessionsPerPrincipal;
        }

        /**
         * The session idle timeout.
         *
         * @return the session idle timeout
         */
        public Duration getSessionIdleTimeout() {
            return sessionIdleTimeout;
        }

        /**
         * Sets the session idle timeout.
         *
         * @param sessionIdleTimeout the session idle timeout
         */
        public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
            this.sessionIdleTimeout = sessionIdleTimeout;
        }

        /**
         * The largest request body in bytes.
         *
         * @return the largest request body in bytes
         */
        public int getMaxRequestBytes() {
            return maxRequestBytes;
        }

        /**
         * Sets the largest request body in bytes.
         *
         * @param maxRequestBytes the largest request body in bytes
         */
        public void setMaxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
        }

        /**
         * The keep-alive interval of event streams.
         *
         * @return the keep-alive interval of event streams
         */
        public Duration getKeepAliveInterval() {
            return keepAliveInterval;
        }

        /**
         * Sets the keep-alive interval of event streams.
         *
         * @param keepAliveInterval the keep-alive interval of event streams
         */
        public void setKeepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
        }

        /**
         * How long a handler may run.
         *
         * @return how long a handler may run
         */
        public Duration getHandlerTimeout() {
            return handlerTimeout;
        }

        /**
         * Sets how long a handler may run.
         *
         * @param handlerTimeout how long a handler may run
         */
        public void setHandlerTimeout(Duration handlerTimeout) {
            this.handlerTimeout = handlerTimeout;
        }

        /**
         * Most requests in flight per session.
         *
         * @return most requests in flight per session
         */
        public int getMaxConcurrentRequestsPerSession() {
            return maxConcurrentRequestsPerSession;
        }

        /**
         * Sets the most requests in flight per session.
         *
         * @param maxConcurrentRequestsPerSession the most requests in flight per session
         */
        public void setMaxConcurrentRequestsPerSession(int maxConcurrentRequestsPerSession) {
            this.maxConcurrentRequestsPerSession = maxConcurrentRequestsPerSession;
        }

        /**
         * Most handlers running at once.
         *
         * @return most handlers running at once
         */
        public int getMaxConcurrentHandlers() {
            return maxConcurrentHandlers;
        }

        /**
         * Sets the most handlers running at once.
         *
         * @param maxConcurrentHandlers the most handlers running at once
         */
        public void setMaxConcurrentHandlers(int maxConcurrentHandlers) {
            this.maxConcurrentHandlers = maxConcurrentHandlers;
        }

        /**
         * How long a request waits for a handler slot.
         *
         * @return how long a request waits for a handler slot
         */
        public Duration getHandlerSlotWait() {
            return handlerSlotWait;
        }

        /**
         * Sets how long a request waits for a handler slot.
         *
         * @param handlerSlotWait how long a request waits for a handler slot
         */
        public void setHandlerSlotWait(Duration handlerSlotWait) {
            this.handlerSlotWait = handlerSlotWait;
        }

        /**
         * Items per page of the list methods.
         *
         * @return items per page of the list methods
         */
        public int getPageSize() {
            return pageSize;
        }

        /**
         * Sets the items per page of the list methods.
         *
         * @param pageSize the items per page of the list methods
         */
        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }
    }

    /**
     * Whether the server is built and served.
     *
     * @return whether the server is built and served
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether the server is built and served.
     *
     * @param enabled whether the server is built and served
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * How the server is served.
     *
     * @return how the server is served
     */
    public Transport getTransport() {
        return transport;
    }

    /**
     * Sets how the server is served.
     *
     * @param transport how the server is served
     */
    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    /**
     * The servlet path of the endpoint.
     *
     * @return the servlet path of the endpoint
     */
    public String getPath() {
        return path;
    }

    /**
     * Sets the servlet path of the endpoint.
     *
     * @param path the servlet path of the endpoint
     */
    public void setPath(String path) {
        this.path = path;
    }

    /**
     * The server name, or null for the application name.
     *
     * @return the server name, or null for the application name
     */
    public String getName() {
        return name;
    }

    /**
     * Sets the server name.
     *
     * @param name the server name
     */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * The server version.
     *
     * @return the server version
     */
    public String getVersion() {
        return version;
    }

    /**
     * Sets the server version.
     *
     * @param version the server version
     */
    public void setVersion(String version) {
        this.version = version;
    }

    /**
     * The instructions, or null.
     *
     * @return the instructions, or null
     */
    public String getInstructions() {
        return instructions;
    }

    /**
     * Sets the instructions.
     *
     * @param instructions the instructions
     */
    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    /**
     * Whether the endpoint is stateless.
     *
     * @return whether the endpoint is stateless
     */
    public boolean isStateless() {
        return stateless;
    }

    /**
     * Sets whether the endpoint is stateless.
     *
     * @param stateless whether the endpoint is stateless
     */
    public void setStateless(boolean stateless) {
        this.stateless = stateless;
    }

    /**
     * The Host header validation mode.
     *
     * @return the Host header validation mode
     */
    public DnsRebindingProtection getDnsRebindingProtection() {
        return dnsRebindingProtection;
    }

    /**
     * Sets the Host header validation mode.
     *
     * @param dnsRebindingProtection the Host header validation mode
     */
    public void setDnsRebindingProtection(DnsRebindingProtection dnsRebindingProtection) {
        this.dnsRebindingProtection = dnsRebindingProtection;
    }

    /**
     * The extra allowed hosts.
     *
     * @return the extra allowed hosts
     */
    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    /**
     * Sets the extra allowed hosts.
     *
     * @param allowedHosts the extra allowed hosts
     */
    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /**
     * The extra allowed origins.
     *
     * @return the extra allowed origins
     */
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    /**
     * Sets the extra allowed origins.
     *
     * @param allowedOrigins the extra allowed origins
     */
    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    /**
     * The requestState keys, or null.
     *
     * @return the requestState keys, or null
     */
    public String getRequestStateKeys() {
        return requestStateKeys;
    }

    /**
     * Sets the requestState keys.
     *
     * @param requestStateKeys the requestState keys
     */
    public void setRequestStateKeys(String requestStateKeys) {
        this.requestStateKeys = requestStateKeys;
    }

    /**
     * The limits.
     *
     * @return the limits
     */
    public Limits getLimits() {
        return limits;
    }

    /**
     * The resource-server authorization.
     *
     * @return the resource-server authorization
     */
    public Authorization getAuthorization() {
        return authorization;
    }
}
