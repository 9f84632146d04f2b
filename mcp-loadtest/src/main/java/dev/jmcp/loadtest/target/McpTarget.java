package dev.jmcp.loadtest.target;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.ServerDescription;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.loadtest.internal.McpOutcomes;
import dev.jmcp.loadtest.internal.ToolOutputSchemas;
import dev.jmcp.transport.http.client.HttpClientEngine;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP binding of the load tester: sessions are {@link McpClient}s over Streamable HTTP
 * ({@link StreamableHttpClientTransport}, the spec's headers on every request) or stdio
 * ({@link StdioClientTransport}, one server process per session).
 *
 * <ul>
 *   <li>{@link SessionMode#PERSISTENT} and {@link SessionMode#PER_ITERATION}: the client is pinned to the newest
 *       handshake revision ({@code initialize} + {@code notifications/initialized}), so a server that also speaks
 *       2026-07-28 is still measured with sessions.
 *   <li>{@link SessionMode#STATELESS}: pinned to 2026-07-28: {@code server/discover} once when the session opens,
 *       then every request is self-contained (no {@code Mcp-Session-Id}, no handshake).
 *   <li>HTTP: POSTs go through the client {@link TargetSpec#http()} names: by default jmcp's built-in HTTP/1.1 client
 *       with a keep-alive pool per session (so each session holds its own connections, as separate clients
 *       would); the JDK client for HTTP/2 or shared connections ({@link HttpOptions}). DELETE and OAuth go through
 *       a shared JDK client. The standalone GET stream is not opened (scenario steps never need server-initiated
 *       messages).
 *   <li>stdio: a stdio server serves exactly one client, so each session is its own server process; at most
 *       {@value #DEFAULT_MAX_STDIO_PROCESSES} at once (system property {@value #MAX_STDIO_PROCESSES_PROPERTY}).
 *       Opening a session beyond the bound fails (counted as a connection error).
 * </ul>
 *
 * <p>Each step is one client call with the step timeout as its limit. Tool results with {@code isError} are tool
 * errors; a successful result whose {@code structuredContent} does not match the tool's {@code outputSchema} (tools
 * listed once, by the first session) is a validation error. Server failures never throw out of
 * {@link TargetSession#execute}. {@link #close()} closes every session still open (and so every process).
 */
public final class McpTarget implements Target {
    /** The system property bounding concurrent stdio server processes. */
    public static final String MAX_STDIO_PROCESSES_PROPERTY = "jmcp.loadtest.maxStdioProcesses";

    /** The default bound on concurrent stdio server processes. */
    public static final int DEFAULT_MAX_STDIO_PROCESSES = 32;

    /** How long opening a session (connect and handshake) may take. */
    public static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private static final String CLIENT_NAME = "jmcp-loadtest";
    private static final String CLIENT_VERSION = "0.1.0";

    private final TargetSpec spec;
    /** The shared JDK client of an HTTP target: DELETE, OAuth, and the POSTs of the JDK engine when shared. */
    private final JdkHttpClient shared;

    private final Semaphore processes;
    private final int maxProcesses;
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final ToolOutputSchemas schemas = new ToolOutputSchemas();
    private final AtomicBoolean schemasLoaded = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A target for the spec: an {@code http(s)} URL or a stdio command. Nothing connects until a session opens.
     *
     * @param spec the spec
     */
    public McpTarget(TargetSpec spec) {
        this.spec = spec;
        if (spec.isStdio()) {
            this.shared = null;
            this.maxProcesses = Integer.getInteger(MAX_STDIO_PROCESSES_PROPERTY, DEFAULT_MAX_STDIO_PROCESSES);
            this.processes = new Semaphore(Math.max(1, maxProcesses));
        } else {
            URI uri = URI.create(spec.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("not an http(s) URL: " + spec.url());
            }
            this.shared = JdkHttpClient.create(spec.http().effectiveVersion(), uri);
            this.processes = null;
            this.maxProcesses = 0;
        }
        this.authorizer = authorizer(spec, shared == null ? null : shared.client());
    }

    private volatile java.util.Map<String, String> serverInfo;
    private final HttpAuthorizer authorizer;

    /** One OAuth provider per target: a token is obtained once and shared by every session. */
    private static HttpAuthorizer authorizer(TargetSpec spec, HttpClient http) {
        if (spec.oauth() == null) {
            return null;
        }
        OAuthClientProvider.Builder b = OAuthClientProvider.builder();
        if (http != null) {
            b.httpClient(http); // the target's client (never follows redirects), so close() ends its connections too
        }
        b.clientCredentials(spec.oauth().clientId(), spec.oauth().clientSecret())
                .clientCredentialsGrant()
                .dynamicRegistration(false);
        if (!spec.oauth().scopes().isEmpty()) {
            b.scopes(spec.oauth().scopes());
        }
        return b.build();
    }

    @Override
    public TargetSession openSession(SessionMode mode) throws Exception {
        if (closed.get()) {
            throw new IllegalStateException("target is closed");
        }
        if (processes != null && !processes.tryAcquire()) {
            throw new IllegalStateException("stdio target: at most " + maxProcesses
                    + " server processes at once (one per session); lower the virtual users / max_workers or set -D"
                    + MAX_STDIO_PROCESSES_PROPERTY);
        }
        McpClient client = null;
        JdkHttpClient own = null;
        try {
            HttpClient jdk = null;
            if (shared != null) {
                boolean ownClient = spec.http().effectiveEngine() == HttpClientEngine.JDK
                        && spec.http().effectiveConnections() == HttpOptions.Connections.PER_SESSION;
                JdkHttpClient c = shared;
                if (ownClient) {
                    own = JdkHttpClient.create(spec.http().effectiveVersion(), URI.create(spec.url()));
                    c = own;
                }
                c.upgradeOnce(URI.create(spec.url()));
                jdk = mode == SessionMode.PER_ITERATION_ABANDON ? new NoDeleteHttpClient(c.client()) : c.client();
            }
            client = McpClient.builder()
                    .transport(transport(spec, jdk, authorizer))
                    .clientInfo(CLIENT_NAME, CLIENT_VERSION)
                    .protocolVersion(
                            mode == SessionMode.STATELESS
                                    ? ProtocolVersion.V2026_07_28
                                    : ProtocolVersion.LATEST_HANDSHAKE)
                    .requestTimeout(OPEN_TIMEOUT)
                    .discoveryTimeout(OPEN_TIMEOUT)
                    .maxRequestTimeout(OPEN_TIMEOUT)
                    .validateToolOutput(false) // checked here against the schemas listed once per target
                    .sampling(this::sample)
                    .elicitation(this::elicit)
                    .build();
            ServerDescription server = client.connect();
            rememberServer(server);
            loadSchemasOnce(client, server);
        } catch (McpCancelledException e) {
            closeQuietly(client, own);
            release();
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while opening a session");
            }
            throw e;
        } catch (RuntimeException | Error e) {
            closeQuietly(client, own);
            release();
            throw e;
        }
        Session s = new Session(client, own);
        open.add(s);
        if (closed.get()) {
            s.close(); // close() raced with this open: leave nothing behind
            throw new IllegalStateException("target is closed");
        }
        return s;
    }

    /**
     * Answers the server's {@code sampling/createMessage} as a stand-in model: a fixed text after the configured
     * latency (part of the step's latency).
     */
    private dev.jmcp.core.protocol.sampling.CreateMessageResult sample(
            dev.jmcp.core.protocol.sampling.CreateMessageRequest request) throws InterruptedException {
        pause(spec.answers().samplingLatency());
        return dev.jmcp.core.protocol.sampling.CreateMessageResult.of(
                dev.jmcp.core.protocol.Role.ASSISTANT,
                dev.jmcp.core.protocol.content.TextContent.of("jmcp-loadtest simulated model answer"),
                "jmcp-loadtest",
                dev.jmcp.core.protocol.sampling.CreateMessageResult.STOP_END_TURN);
    }

    /** Answers {@code elicitation/create} as a stand-in user after the configured latency. */
    private dev.jmcp.core.protocol.elicitation.ElicitResult elicit(
            dev.jmcp.core.protocol.elicitation.ElicitRequest request) throws InterruptedException {
        pause(spec.answers().elicitationLatency());
        if (!spec.answers().acceptElicitation()
                || !(request instanceof dev.jmcp.core.protocol.elicitation.FormElicitRequest form)) {
            return dev.jmcp.core.protocol.elicitation.ElicitResult.decline();
        }
        tools.jackson.databind.JsonNode schema = dev.jmcp.core.McpJson.mapper().valueToTree(form.requestedSchema());
        tools.jackson.databind.node.ObjectNode content = dev.jmcp.loadtest.internal.SchemaArguments.generate(
                schema, dev.jmcp.loadtest.internal.SchemaArguments.seedFor(1, form.message()));
        java.util.Map<String, tools.jackson.databind.JsonNode> values = new java.util.LinkedHashMap<>();
        content.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        return dev.jmcp.core.protocol.elicitation.ElicitResult.accept(values);
    }

    private static void pause(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        }
    }

    private void rememberServer(ServerDescription server) {
        if (serverInfo != null) {
            return;
        }
        java.util.Map<String, String> info = new java.util.LinkedHashMap<>();
        if (server.serverInfo() != null) {
            info.put("name", server.serverInfo().name());
            info.put("version", server.serverInfo().version());
        }
        if (server.protocolVersion() != null) {
            info.put("protocolVersion", server.protocolVersion().id());
        }
        serverInfo = java.util.Map.copyOf(info);
    }

    @Override
    public java.util.Map<String, String> serverInfo() {
        java.util.Map<String, String> s = serverInfo;
        return s == null ? java.util.Map.of() : s;
    }

    private void loadSchemasOnce(McpClient client, ServerDescription server) {
        ServerCapabilities caps = server.capabilities();
        if (caps == null || caps.tools() == null || !schemasLoaded.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Tool t : client.listAllTools()) {
                schemas.put(t.name(), t.outputSchema());
            }
        } catch (McpException e) {
            schemasLoaded.set(false); // try again with the next session
        }
    }

    private void release() {
        if (processes != null) {
            processes.release();
        }
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    /** Closes every session still open (stdio: their processes) and the shared HTTP client. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Thread> closers = new ArrayList<>();
        for (Session s : List.copyOf(open)) {
            Thread t = new Thread(s::close, "jmcp-loadtest-close");
            t.setDaemon(true);
            t.start();
            closers.add(t);
        }
        for (Thread t : closers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (shared != null) {
            shared.close();
        }
    }

    /**
     * Sessions currently open (for tests and diagnostics).
     *
     * @return sessions currently open (for tests and diagnostics)
     */
    public int openSessions() {
        return open.size();
    }

    private static Transport transport(TargetSpec spec, HttpClient http, HttpAuthorizer authorizer) {
        if (spec.isStdio()) {
            return StdioClientTransport.builder(spec.command())
                    .environment(spec.env())
                    .stderrLevel(org.slf4j.event.Level.DEBUG)
                    .build();
        }
        StreamableHttpClientTransport.Builder b = StreamableHttpClientTransport.builder(URI.create(spec.url()))
                .headers(spec.headers())
                .openGetStream(false);
        if (http != null) {
            b.httpClient(http); // GET streams and DELETE; POSTs too with the JDK engine
        }
        b.engine(spec.http().effectiveEngine());
        if (authorizer != null) {
            b.authorizer(authorizer);
        }
        return b.build();
    }

    private static void closeQuietly(McpClient client, JdkHttpClient own) {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        if (own != null) {
            own.close();
        }
    }

    /**
     * Connects with the client's default negotiation ({@code server/discover}, else {@code initialize}), lists
     * every tool, resource and prompt the server declares, and disconnects; bounded by {@code timeout}.
     *
     * @param spec the spec
     * @param timeout how long the discovery may take
     * @return what the server offers
     */
    public static Discovery.Discovered discover(TargetSpec spec, Duration timeout) {
        try (McpClient client = McpClient.builder()
                .transport(transport(spec, null, authorizer(spec, null)))
                .clientInfo(CLIENT_NAME, CLIENT_VERSION)
                .requestTimeout(timeout)
                .discoveryTimeout(timeout.compareTo(OPEN_TIMEOUT) < 0 ? timeout : OPEN_TIMEOUT)
                .maxRequestTimeout(timeout)
                .build()) {
            ServerDescription server = client.connect();
            ServerCapabilities caps = server.capabilities();
            List<Discovery.Tool> tools = new ArrayList<>();
            List<String> resources = new ArrayList<>();
            List<Discovery.Prompt> prompts = new ArrayList<>();
            if (caps != null && caps.tools() != null) {
                for (Tool t : client.listAllTools()) {
                    tools.add(new Discovery.Tool(t.name(), t.inputSchema()));
                }
            }
            if (caps != null && caps.resources() != null) {
                for (Resource r : client.listAllResources()) {
                    resources.add(r.uri());
                }
            }
            if (caps != null && caps.prompts() != null) {
                for (dev.jmcp.core.protocol.prompts.Prompt p : client.listAllPrompts()) {
                    List<String> required = new ArrayList<>();
                    if (p.arguments() != null) {
                        for (PromptArgument a : p.arguments()) {
                            if (Boolean.TRUE.equals(a.required())) {
                                required.add(a.name());
                            }
                        }
                    }
                    prompts.add(new Discovery.Prompt(p.name(), required));
                }
            }
            String name = server.serverInfo() == null
                    ? spec.describe()
                    : server.serverInfo().name() + " " + server.serverInfo().version();
            return new Discovery.Discovered(name, tools, resources, prompts);
        }
    }

    /** One client: a session with the server, used by one worker at a time. */
    private final class Session implements TargetSession {
        private final McpClient client;
        /** The session's own JDK client (JDK engine, connections per session), or null. */
        private final JdkHttpClient own;

        private final AtomicBoolean sessionClosed = new AtomicBoolean();

        Session(McpClient client, JdkHttpClient own) {
            this.client = client;
            this.own = own;
        }

        @Override
        public StepOutcome execute(Step step, Duration timeout) throws InterruptedException {
            if (sessionClosed.get()) {
                return StepOutcome.connectionError("session closed");
            }
            if (step.mode() != CallMode.PLAIN) { // MCP-deep steps: progress, tasks (issue #20)
                return McpDeepCalls.execute(client, step, timeout, schemas::check);
            }
            CallOptions options = callOptions(timeout);
            try {
                JsonNode result = client.request(step.operation().method(), params(step), options);
                if (step.operation() == Operation.TOOLS_CALL) {
                    JsonNode isError = result == null ? null : result.get("isError");
                    if (isError != null && isError.asBoolean(false)) {
                        return StepOutcome.toolError(result);
                    }
                    String problem = schemas.check(step.name(), result);
                    if (problem != null) {
                        return StepOutcome.validationError(problem, result);
                    }
                }
                return StepOutcome.success(result);
            } catch (McpCancelledException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted during " + step.label());
                }
                return McpOutcomes.classify(e);
            } catch (RuntimeException e) {
                return McpOutcomes.classify(e);
            }
        }

        @Override
        public void close() {
            if (!sessionClosed.compareAndSet(false, true)) {
                return;
            }
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // best effort: the session is gone either way
            } finally {
                if (own != null) {
                    own.close();
                }
                open.remove(this);
                release();
            }
        }
    }

    /** The call options for a step timeout: built once per timeout value (a run has one), not per request. */
    private CallOptions callOptions(Duration timeout) {
        TimedOptions c = lastOptions;
        if (c == null || !timeout.equals(c.timeout())) {
            c = new TimedOptions(
                    timeout,
                    CallOptions.builder().timeout(timeout).totalTimeout(timeout).build());
            lastOptions = c;
        }
        return c.options();
    }

    /** Call options and the step timeout they were built for. */
    private record TimedOptions(Duration timeout, CallOptions options) {}

    private volatile TimedOptions lastOptions;

    private static JsonNode params(Step step) {
        ObjectNode params = McpJson.object();
        JsonNode args = step.arguments();
        switch (step.operation()) {
            case TOOLS_CALL -> {
                params.put("name", step.name());
                params.set("arguments", args == null || args.isNull() ? McpJson.object() : args);
            }
            case RESOURCES_READ -> params.put("uri", step.name());
            case PROMPTS_GET -> {
                params.put("name", step.name());
                if (args != null && !args.isNull()) {
                    params.set("arguments", args);
                }
            }
            case TOOLS_LIST, RESOURCES_LIST, PROMPTS_LIST, PING -> {
                return null;
            }
        }
        return params;
    }

    /** Registers {@link McpTarget} as the {@link TargetFactory} for {@code http(s)} URLs and stdio commands. */
    public static final class Factory implements TargetFactory {
        /** For {@link java.util.ServiceLoader}. */
        public Factory() {}

        @Override
        public boolean supports(TargetSpec spec) {
            return supported(spec);
        }

        @Override
        public Target create(TargetSpec spec) {
            return new McpTarget(spec);
        }
    }

    /** Registers {@link McpTarget#discover} as the {@link Discovery} for {@code http(s)} URLs and stdio commands. */
    public static final class Discoverer implements Discovery {
        /** For {@link java.util.ServiceLoader}. */
        public Discoverer() {}

        @Override
        public boolean supports(TargetSpec spec) {
            return supported(spec);
        }

        @Override
        public Discovered discover(TargetSpec spec, Duration timeout) {
            return McpTarget.discover(spec, timeout);
        }
    }

    private static boolean supported(TargetSpec spec) {
        if (spec.isStdio()) {
            return true;
        }
        String url = spec.url().toLowerCase(Locale.ROOT);
        return url.startsWith("http://") || url.startsWith("https://");
    }
}
