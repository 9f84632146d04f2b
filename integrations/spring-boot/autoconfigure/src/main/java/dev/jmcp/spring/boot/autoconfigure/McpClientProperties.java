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

        /** The HTTP endpoint, or null. */
        public String getUrl() {
            return url;
        }

        /** Sets the HTTP endpoint. */
        public void setUrl(String url) {
            this.url = url;
        }

        /** The HTTP headers. */
        public Map<String, String> getHeaders() {
            return headers;
        }

        /** Sets the HTTP headers. */
        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        /** The stdio command. */
        public List<String> getCommand() {
            return command;
        }

        /** Sets the stdio command. */
        public void setCommand(List<String> command) {
            this.command = command;
        }

        /** The stdio server's extra environment. */
        public Map<String, String> getEnvironment() {
            return environment;
        }

        /** Sets the stdio server's extra environment. */
        public void setEnvironment(Map<String, String> environment) {
            this.environment = environment;
        }

        /** The stdio server's working directory, or null. */
        public Path getWorkingDirectory() {
            return workingDirectory;
        }

        /** Sets the stdio server's working directory. */
        public void setWorkingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }

        /** The request timeout, or null. */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /** Sets the request timeout. */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        /** The pinned protocol revision, or null. */
        public String getProtocolVersion() {
            return protocolVersion;
        }

        /** Sets the pinned protocol revision. */
        public void setProtocolVersion(String protocolVersion) {
            this.protocolVersion = protocolVersion;
        }
    }

    /** Whether connections become beans. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether connections become beans. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The default request timeout. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** Sets the default request timeout. */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** The connections by name. */
    public Map<String, Connection> getConnections() {
        return connections;
    }

    /** Sets the connections by name. */
    public void setConnections(Map<String, Connection> connections) {
        this.connections = connections;
    }
}
