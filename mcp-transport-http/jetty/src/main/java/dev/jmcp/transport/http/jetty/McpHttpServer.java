package dev.jmcp.transport.http.jetty;

import dev.jmcp.transport.http.servlet.McpHttpServlet;
import dev.jmcp.transport.http.servlet.ProtectedResourceMetadataServlet;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@link McpHttpServlet} on embedded Jetty 12 in one line:
 *
 * <pre>{@code
 * try (McpHttpServer http = McpHttpServer.builder(connector).host("127.0.0.1").port(0).path("/mcp").start()) {
 *     URI endpoint = http.uri();
 * }
 * }</pre>
 */
public final class McpHttpServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(McpHttpServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final McpHttpServlet servlet;
    private final String host;
    private final String path;
    private final boolean tls;

    private McpHttpServer(Server server, ServerConnector connector, McpHttpServlet servlet, Builder b) {
        this.server = server;
        this.connector = connector;
        this.servlet = servlet;
        this.host = b.host;
        this.path = b.path;
        this.tls = b.sslContext != null || b.keyStore != null;
    }

    /**
     * A builder serving {@code server} (an {@code McpServer}): {@code McpHttpServer.builder(server).start()}.
     *
     * @param server the server
     * @return a builder serving {@code server} (an {@code McpServer}): {@code McpHttpServer.builder(server).start()}
     */
    public static Builder builder(dev.jmcp.core.transport.ServerConnector server) {
        return new Builder(server);
    }

    /**
     * The bound port.
     *
     * @return the bound port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The MCP endpoint URI, e.g. {@code http://127.0.0.1:54321/mcp}.
     *
     * @return the MCP endpoint URI, e.g. {@code http://127.0.0.1:54321/mcp}
     */
    public URI uri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create((tls ? "https" : "http") + "://" + h + ":" + port() + path);
    }

    /**
     * The servlet (e.g. to read its session count).
     *
     * @return the servlet (e.g. to read its session count)
     */
    public McpHttpServlet servlet() {
        return servlet;
    }

    /** Stops Jetty and closes every session. */
    @Override
    public void close() {
        servlet.closeAll();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("Jetty did not stop cleanly", e);
        }
    }

    /** Builds and starts an {@link McpHttpServer}. */
    public static final class Builder {
        private final McpHttpServlet.Builder servlet;
        private String host = "127.0.0.1";
        private int port = 0;
        private String path = "/mcp";
        private SSLContext sslContext;
        private Path keyStore;
        private String keyStorePassword;
        private int maxThreads = 200;
        // slow peers (issue #14, D6): POST bodies are read without holding a thread; these bound the connection too
        private long minRequestDataRate = 256;
        private Duration idleTimeout = Duration.ofSeconds(30);

        /**
         * The slowest a request body may arrive, in bytes per second averaged from its first byte; slower bodies get
         * 408 and the connection is closed. 0 turns the check off. Default 256 B/s.
         *
         * @param bytesPerSecond the slowest a request body may arrive, in bytes per second averaged from its first
         *     byte; slower bodies get 408 and the connection is closed
         * @return this builder
         */
        public Builder minRequestDataRate(long bytesPerSecond) {
            this.minRequestDataRate = bytesPerSecond;
            return this;
        }

        /**
         * How long a connection may stay silent in both directions before Jetty closes it. Default 30 s.
         *
         * @param timeout how long a connection may stay silent in both directions before Jetty closes it
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        private Builder(dev.jmcp.core.transport.ServerConnector sessions) {
            this.servlet = McpHttpServlet.builder(sessions);
        }

        /**
         * The interface to bind; default {@code 127.0.0.1}.
         *
         * @param host the interface to bind; default {@code 127.0.0.1}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port; 0 (the default) picks a free one.
         *
         * @param port the port; 0 (the default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The MCP endpoint path; default {@code /mcp}.
         *
         * @param path the MCP endpoint path; default {@code /mcp}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Serves HTTPS with a ready JDK {@link SSLContext} (its key managers hold the server certificate).
         *
         * @param sslContext the SSL context
         * @return this builder
         */
        public Builder tls(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            this.keyStore = null;
            return this;
        }

        /**
         * Serves HTTPS with the server certificate and key of a PKCS#12 or JKS key store file.
         *
         * @param keyStore the key store
         * @param password the password
         * @return this builder
         */
        public Builder tls(Path keyStore, String password) {
            this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.keyStorePassword = Objects.requireNonNull(password, "password");
            this.sslContext = null;
            return this;
        }

        /**
         * Jetty's maximum worker threads; default 200. On JDK 17 a stateless server runs up to {@code
         * jmcp.inlineHandlerSlots} handlers (default 64) on these threads (see {@code
         * HandlerExecution.AUTO}): keep this well above that number.
         *
         * @param maxThreads Jetty's maximum worker threads; default 200
         * @return this builder
         */
        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        /**
         * Adjusts the servlet (sessions, limits, event store, Origin/Host policy, legacy SSE...).
         *
         * @param customizer the customizer
         * @return this builder
         */
        public Builder servlet(Consumer<McpHttpServlet.Builder> customizer) {
            customizer.accept(servlet);
            return this;
        }

        /**
         * Protects the endpoint as an OAuth 2.1 resource server (see {@link McpHttpServlet.Builder#authorization})
         * and serves {@code auth}'s protected resource metadata at {@link ResourceServerAuth#wellKnownPaths()} and
         * at the root {@code /.well-known/oauth-protected-resource}.
         *
         * @param auth the auth
         * @return this builder
         */
        public Builder authorization(ResourceServerAuth auth) {
            servlet.authorization(auth);
            return this;
        }

        /**
         * Per-request scope requirements (see {@link McpHttpServlet.Builder#scopePolicy}).
         *
         * @param policy per-request scope requirements (see {@link McpHttpServlet.Builder#scopePolicy})
         * @return this builder
         */
        public Builder scopePolicy(ScopePolicy policy) {
            servlet.scopePolicy(policy);
            return this;
        }

        /**
         * The most concurrent sessions overall (see {@link McpHttpServlet.Builder#maxSessions}); default 10 000.
         *
         * @param max the most concurrent sessions overall (see {@link McpHttpServlet.Builder#maxSessions}); default 10
         *     000
         * @return this builder
         */
        public Builder maxSessions(int max) {
            servlet.maxSessions(max);
            return this;
        }

        /**
         * The most concurrent sessions of one principal, or one client address when unauthenticated (see {@link
         * McpHttpServlet.Builder#maxSessionsPerPrincipal}); default 100, 429 beyond.
         *
         * @param max the most concurrent sessions of one principal, or one client address when unauthenticated (see
         *     {@link McpHttpServlet.Builder#maxSessionsPerPrincipal}); default 100, 429 beyond
         * @return this builder
         */
        public Builder maxSessionsPerPrincipal(int max) {
            servlet.maxSessionsPerPrincipal(max);
            return this;
        }

        /**
         * How long a session the client has not used since {@code initialize} lives (see {@link
         * McpHttpServlet.Builder#sessionInitializationTimeout}); default 30 s.
         *
         * @param timeout how long a session the client has not used since {@code initialize} lives (see {@link
         *     McpHttpServlet.Builder#sessionInitializationTimeout}); default 30 s
         * @return this builder
         */
        public Builder sessionInitializationTimeout(Duration timeout) {
            servlet.sessionInitializationTimeout(timeout);
            return this;
        }

        /**
         * Starts Jetty and returns the running server.
         *
         * @return the started MCP HTTP server
         */
        public McpHttpServer start() {
            QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
            pool.setName("jmcp-jetty");
            pool.setDaemon(true);
            if (VirtualThreads.areSupported()) {
                // JDK 21+: requests run on virtual threads, so a stateless request's handler runs inline on its own
                // thread (no hand-off, see McpServer.Builder#handlerExecution); selectors stay on platform threads
                pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("jmcp-jetty-request"));
            }
            Server server = new Server(pool);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setMinRequestDataRate(minRequestDataRate);
            // no per-connection header field cache: Jetty builds one (an ArrayTrie of ~14 KB of char[] per 1,024
            // entries) for every connection whose requests carry a cacheable header such as User-Agent, and keeps it
            // for the connection's life; 10,000 idle GET streams held ~40 KB each that way (issue #19)
            http.setHeaderCacheSize(0);
            ServerConnector connector;
            SslContextFactory.Server tlsFactory = tlsFactory();
            if (tlsFactory != null) {
                http.addCustomizer(new SecureRequestCustomizer());
                connector = new ServerConnector(server, tlsFactory, new HttpConnectionFactory(http));
            } else {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            }
            connector.setIdleTimeout(idleTimeout.toMillis());
            connector.setHost(host);
            connector.setPort(port);
            server.addConnector(connector);
            McpHttpServlet s = servlet.build();
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            ServletHolder holder = new ServletHolder("mcp", s);
            holder.setAsyncSupported(true);
            context.addServlet(holder, path);
            if (!s.legacySsePaths().isEmpty()) {
                ServletMapping legacy = new ServletMapping();
                legacy.setServletName("mcp");
                legacy.setPathSpecs(s.legacySsePaths().toArray(String[]::new));
                context.getServletHandler().addServletMapping(legacy);
            }
            ResourceServerAuth auth = s.authorization().orElse(null);
            if (auth != null) {
                Set<String> paths = new LinkedHashSet<>(auth.wellKnownPaths());
                paths.add(ProtectedResourceMetadataServlet.ROOT_PATH);
                paths.remove(path);
                ServletHolder prm =
                        new ServletHolder("oauth-protected-resource", new ProtectedResourceMetadataServlet(auth));
                context.getServletHandler().addServlet(prm);
                ServletMapping mapping = new ServletMapping();
                mapping.setServletName("oauth-protected-resource");
                mapping.setPathSpecs(paths.toArray(String[]::new));
                context.getServletHandler().addServletMapping(mapping);
            }
            server.setHandler(context);
            server.setStopTimeout(0);
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // best effort
                }
                throw new IllegalStateException("cannot start Jetty on " + host + ":" + port, e);
            }
            if (bindsAllInterfaces(host)) {
                // servlet containers and "0.0.0.0" binds are where DNS rebinding bites; say what is accepted
                LOG.warn("MCP endpoint listens on all interfaces ({}): {}", host, s.hostPolicy());
            }
            return new McpHttpServer(server, connector, s, this);
        }

        private static boolean bindsAllInterfaces(String host) {
            String h = host.trim();
            return h.isEmpty()
                    || h.equals("0.0.0.0")
                    || h.equals("::")
                    || h.equals("[::]")
                    || h.equals("0:0:0:0:0:0:0:0");
        }

        private SslContextFactory.Server tlsFactory() {
            if (sslContext == null && keyStore == null) {
                return null;
            }
            SslContextFactory.Server factory = new SslContextFactory.Server();
            if (sslContext != null) {
                factory.setSslContext(sslContext);
            } else {
                factory.setKeyStorePath(keyStore.toString());
                factory.setKeyStorePassword(keyStorePassword);
            }
            return factory;
        }
    }
}
