package dev.jmcp.client;

import dev.jmcp.client.internal.ClientConfig;
import dev.jmcp.client.internal.ClientVersion;
import dev.jmcp.client.internal.InputHandlers;
import dev.jmcp.client.internal.TransportSource;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Builds an {@link McpClient}: the transport, who the client is, what it can do (the handlers it registers decide
 * the capabilities it declares), timeouts, and listeners. Only a transport ({@link #transport(Transport)} or a
 * factory, {@link #transport(Supplier)}) is required.
 */
public final class McpClientBuilder {
    TransportSource transports;
    Implementation clientInfo = Implementation.of("jmcp-client", ClientVersion.current());
    RootsProvider roots;
    SamplingHandler sampling;
    boolean samplingTools;
    ElicitationHandler elicitation;
    boolean elicitationForm = true;
    boolean elicitationUrl;
    boolean fillElicitationDefaults = true;
    final Map<String, JsonNode> experimental = new LinkedHashMap<>();
    final Map<String, JsonNode> extensions = new LinkedHashMap<>();
    Executor handlerExecutor;
    Duration requestTimeout = McpSession.DEFAULT_REQUEST_TIMEOUT;
    Duration maxRequestTimeout = McpSession.DEFAULT_MAX_REQUEST_TIMEOUT;
    Duration discoveryTimeout = Duration.ofSeconds(10);
    ProtocolVersion protocolVersion;
    int maxInputRounds = 8;
    boolean validateToolOutput = true;
    boolean listCache;
    final List<LogListener> logListeners = new ArrayList<>();
    final List<ProgressNotificationListener> progressListeners = new ArrayList<>();
    final List<ListChangedListener> listChangedListeners = new ArrayList<>();
    final List<ResourceUpdatedListener> resourceListeners = new ArrayList<>();
    final List<TaskStatusListener> taskListeners = new ArrayList<>();
    final List<ElicitationCompleteListener> elicitationCompleteListeners = new ArrayList<>();
    ClientTaskOptions tasks;
    final List<ClientInterceptor> interceptors = new ArrayList<>();
    Duration keepAliveInterval;
    final List<ConnectionListener> connectionListeners = new ArrayList<>();

    McpClientBuilder() {}

    /**
     * The connection to the server (required, or {@link #transport(Supplier)}): stdio, HTTP, or an in-memory
     * transport in tests. A transport is started once, so a client built with one connects once.
     *
     * @param transport the connection to the server (required, or {@link #transport(Supplier)}): stdio, HTTP, or an
     *     in-memory transport in tests
     * @return this builder
     */
    public McpClientBuilder transport(Transport transport) {
        this.transports = TransportSource.of(transport);
        return this;
    }

    /**
     * Who the client is; default {@code jmcp-client} with this library's jar version ({@code dev} outside a jar).
     *
     * @param clientInfo who the client is; default {@code jmcp-client} with this library's jar version ({@code dev}
     *     outside a jar)
     * @return this builder
     */
    public McpClientBuilder clientInfo(Implementation clientInfo) {
        this.clientInfo = Objects.requireNonNull(clientInfo, "clientInfo");
        return this;
    }

    /**
     * Who the client is, by name and version.
     *
     * @param name the client's programmatic name ({@code clientInfo.name})
     * @param version the version
     * @return who the client is, by name and version
     */
    public McpClientBuilder clientInfo(String name, String version) {
        return clientInfo(Implementation.of(name, version));
    }

    /**
     * Serves {@code roots/list} and declares the {@code roots} capability (with {@code listChanged}).
     *
     * @param provider the provider
     * @return this builder
     */
    public McpClientBuilder roots(RootsProvider provider) {
        this.roots = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /**
     * Serves {@code sampling/createMessage} without tool use and declares {@code sampling}.
     *
     * @param handler answers {@code sampling/createMessage}
     * @return this builder
     */
    public McpClientBuilder sampling(SamplingHandler handler) {
        return sampling(handler, SamplingToolUse.NONE);
    }

    /**
     * Serves {@code sampling/createMessage} and declares {@code sampling}; with {@link SamplingToolUse#TOOLS},
     * also {@code sampling.tools}, so the server may send {@code tools} and {@code toolChoice}.
     *
     * @param handler answers {@code sampling/createMessage}
     * @param toolUse the tool use
     * @return this builder
     */
    public McpClientBuilder sampling(SamplingHandler handler, SamplingToolUse toolUse) {
        this.sampling = Objects.requireNonNull(handler, "handler");
        this.samplingTools = Objects.requireNonNull(toolUse, "toolUse") == SamplingToolUse.TOOLS;
        return this;
    }

    /**
     * Serves form-mode {@code elicitation/create} and declares {@code elicitation.form}.
     *
     * @param handler answers {@code elicitation/create}
     * @return this builder
     */
    public McpClientBuilder elicitation(ElicitationHandler handler) {
        return elicitation(handler, ElicitationMode.FORM);
    }

    /**
     * Serves {@code elicitation/create} in the given modes and declares them, e.g.
     * {@code elicitation(handler, ElicitationMode.FORM, ElicitationMode.URL)}.
     *
     * @param handler answers {@code elicitation/create}
     * @param mode the mode
     * @param more the more
     * @return this builder
     */
    public McpClientBuilder elicitation(ElicitationHandler handler, ElicitationMode mode, ElicitationMode... more) {
        Set<ElicitationMode> modes = EnumSet.of(Objects.requireNonNull(mode, "mode"), more);
        this.elicitation = Objects.requireNonNull(handler, "handler");
        this.elicitationForm = modes.contains(ElicitationMode.FORM);
        this.elicitationUrl = modes.contains(ElicitationMode.URL);
        return this;
    }

    /**
     * Whether an accepted form answer gets the schema defaults of fields it leaves out; default true.
     *
     * @param fill whether an accepted form answer gets the schema defaults of fields it leaves out; default true
     * @return this builder
     */
    public McpClientBuilder fillElicitationDefaults(boolean fill) {
        this.fillElicitationDefaults = fill;
        return this;
    }

    /**
     * Declares a non-standard capability under {@code experimental}.
     *
     * @param name the capability's name
     * @param settings the settings
     * @return this builder
     */
    public McpClientBuilder experimentalCapability(String name, JsonNode settings) {
        experimental.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /**
     * Declares an extension under {@code extensions} (2026-07-28).
     *
     * @param id the extension's identifier
     * @param settings the settings
     * @return this builder
     */
    public McpClientBuilder extension(String id, JsonNode settings) {
        extensions.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /**
     * Where handlers (user code) run; never shut down by the client. Default: virtual threads on 21+.
     *
     * @param executor where handlers (user code) run; never shut down by the client
     * @return this builder
     */
    public McpClientBuilder handlerExecutor(Executor executor) {
        this.handlerExecutor = executor;
        return this;
    }

    /**
     * Timeout of a request without answer or progress; default 60 s.
     *
     * @param timeout timeout of a request without answer or progress; default 60 s
     * @return this builder
     */
    public McpClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Hard maximum of a request whatever progress arrives, and of a blocking call; default 10 min.
     *
     * @param timeout hard maximum of a request whatever progress arrives, and of a blocking call; default 10 min
     * @return this builder
     */
    public McpClientBuilder maxRequestTimeout(Duration timeout) {
        this.maxRequestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How long {@code server/discover} may take before the client falls back to {@code initialize}; 10 s.
     *
     * @param timeout how long {@code server/discover} may take before the client falls back to {@code initialize}; 10 s
     * @return this builder
     */
    public McpClientBuilder discoveryTimeout(Duration timeout) {
        this.discoveryTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Pins the protocol revision. A handshake-era revision sends {@code initialize} with it at once;
     * {@link ProtocolVersion#V2026_07_28} is stateless and fails rather than fall back. Default (null): discover,
     * then fall back to the handshake.
     *
     * @param version the version
     * @return this builder
     */
    public McpClientBuilder protocolVersion(ProtocolVersion version) {
        this.protocolVersion = version;
        return this;
    }

    /**
     * How many {@code input_required} rounds one call may take before it fails; default 8.
     *
     * @param rounds how many {@code input_required} rounds one call may take before it fails; default 8
     * @return this builder
     */
    public McpClientBuilder maxInputRounds(int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative");
        }
        this.maxInputRounds = rounds;
        return this;
    }

    /**
     * Whether tool results are checked against the tool's {@code outputSchema}; default true.
     *
     * @param validate whether tool results are checked against the tool's {@code outputSchema}; default true
     * @return this builder
     */
    public McpClientBuilder validateToolOutput(boolean validate) {
        this.validateToolOutput = validate;
        return this;
    }

    /**
     * Keeps the tool, prompt and resource lists cached, refreshed on {@code list_changed}; default false.
     *
     * @param enabled whether enabled
     * @return this builder
     */
    public McpClientBuilder listCache(boolean enabled) {
        this.listCache = enabled;
        return this;
    }

    /**
     * Receives the server's log messages.
     *
     * @param listener the listener
     * @return this builder
     */
    public McpClientBuilder onLog(LogListener listener) {
        return add(logListeners, listener);
    }

    /**
     * Receives every progress notification.
     *
     * @param listener the listener
     * @return this builder
     */
    public McpClientBuilder onProgress(ProgressNotificationListener listener) {
        return add(progressListeners, listener);
    }

    /**
     * Told when a server list changed.
     *
     * @param listener told when a server list changed
     * @return this builder
     */
    public McpClientBuilder onListChanged(ListChangedListener listener) {
        return add(listChangedListeners, listener);
    }

    /**
     * Told when a subscribed resource changed.
     *
     * @param listener told when a subscribed resource changed
     * @return this builder
     */
    public McpClientBuilder onResourceUpdated(ResourceUpdatedListener listener) {
        return add(resourceListeners, listener);
    }

    /**
     * Told when a task's status changed. In 2026-07-28 the client then subscribes to each task it creates
     * ({@code subscriptions/listen} with {@code taskIds}) until a notification shows it terminal.
     *
     * @param listener told when a task's status changed
     * @return this builder
     */
    public McpClientBuilder onTaskStatus(TaskStatusListener listener) {
        return add(taskListeners, listener);
    }

    /**
     * Told when a URL-mode elicitation completed ({@code notifications/elicitation/complete}, 2025-11-25).
     *
     * @param listener told when a URL-mode elicitation completed
     * @return this builder
     */
    public McpClientBuilder onElicitationComplete(ElicitationCompleteListener listener) {
        return add(elicitationCompleteListeners, listener);
    }

    /**
     * Declares the {@code tasks} capability (2025-11-25): the server may then send {@code sampling/createMessage}
     * or {@code elicitation/create} as tasks (as the options allow), and {@code tasks/get}, {@code tasks/result},
     * and, when offered, {@code tasks/list} and {@code tasks/cancel}. Task-augmented sampling needs
     * {@link #sampling}, task-augmented elicitation {@link #elicitation}.
     *
     * @param options the options
     * @return this builder
     */
    public McpClientBuilder tasks(ClientTaskOptions options) {
        this.tasks = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Adds an interceptor to the chain every request of a call passes through (see {@link ClientInterceptor});
     * interceptors run in registration order, the first one outermost.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public McpClientBuilder interceptor(ClientInterceptor interceptor) {
        return add(interceptors, interceptor);
    }

    // ---- extensions (#21) ----
    final List<ClientExtension> clientExtensions = new ArrayList<>();

    /**
     * Supports an extension (SEP-2133): declares it with its settings under {@code capabilities.extensions} (in
     * {@code initialize} and in every 2026-07-28 request's {@code _meta}) and answers the server-to-client requests
     * and notifications it defines. An identifier registered twice is refused.
     *
     * @param extension the extension
     * @return this builder
     */
    public McpClientBuilder extension(ClientExtension extension) {
        Objects.requireNonNull(extension, "extension");
        if (clientExtensions.stream().anyMatch(e -> e.id().equals(extension.id()))) {
            throw new IllegalArgumentException("extension " + extension.id() + " is registered twice");
        }
        clientExtensions.add(extension);
        extensions.put(extension.id(), extension.settings());
        return this;
    }

    // ---- end of extensions ----

    // ---- connection recovery (client-session, #13) ----

    /**
     * A factory of transports to the server, used instead of {@link #transport(Transport)}: every
     * {@link McpClient#connect()} asks it for a fresh transport, so {@code connect()} may be called again after the
     * peer went away (for stdio: after the server process exited, pending and new calls fail with an error naming
     * its exit; {@code connect()} then starts a new process). For example {@code transport(() ->
     * StdioClientTransport.builder("my-server").build())}.
     *
     * @param factory a factory of transports to the server, used instead of {@link #transport(Transport)}: every {@link
     *     McpClient#connect()} asks it for a fresh transport, so {@code connect()} may be called again after the peer
     *     went away (for stdio: after the server process exited, pending and new calls fail with an error naming its
     *     exit; {@code connect()} then starts a new process)
     * @return this builder
     */
    public McpClientBuilder transport(Supplier<? extends Transport> factory) {
        this.transports = TransportSource.from(factory);
        return this;
    }

    /**
     * Pings the server every {@code interval} while a handshake-era connection is open (2026-07-28 removed
     * {@code ping}, so stateless connections are not pinged). The answer must come within {@code interval} (or the
     * request timeout, if shorter); a missed ping closes the connection with an error saying so, which fails the
     * pending calls. Off by default.
     *
     * @param interval the interval
     * @return this builder
     */
    public McpClientBuilder keepAlive(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.keepAliveInterval = interval;
        return this;
    }

    /**
     * Told each time the client connected again: after it started a new session because the server no longer
     * knew the old one (HTTP 404 after a server restart or session expiry; the client re-initializes, re-opens its
     * streams and resource subscriptions, and retries the request that found out, once), and after a
     * {@code connect()} that followed a lost connection.
     *
     * @param listener told each time the client connected again
     * @return this builder
     */
    public McpClientBuilder onReconnected(ConnectionListener listener) {
        return add(connectionListeners, listener);
    }

    private <T> McpClientBuilder add(List<T> listeners, T listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Builds the client; call {@link McpClient#connect()} to start talking.
     *
     * @return the built MCP client
     */
    public McpClient build() {
        if (transports == null) {
            throw new IllegalStateException("transport is required");
        }
        if (tasks != null && tasks.sampling() && sampling == null) {
            throw new IllegalStateException("task-augmented sampling needs a sampling handler");
        }
        if (tasks != null && tasks.elicitation() && elicitation == null) {
            throw new IllegalStateException("task-augmented elicitation needs an elicitation handler");
        }
        return new McpClient(this);
    }

    ClientConfig toConfig() {
        return new ClientConfig(
                transports,
                clientInfo,
                DeclaredCapabilities.handshake(this),
                DeclaredCapabilities.stateless(this),
                InputHandlers.of(
                        roots,
                        sampling,
                        samplingTools,
                        elicitation,
                        elicitationForm,
                        elicitationUrl,
                        fillElicitationDefaults),
                handlerExecutor,
                requestTimeout,
                maxRequestTimeout,
                discoveryTimeout,
                protocolVersion,
                maxInputRounds,
                validateToolOutput,
                tasks,
                InterceptorChain.of(interceptors),
                keepAliveInterval);
    }
}
