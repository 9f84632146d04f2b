package dev.jmcp.transport.stdio;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.stdio.internal.Checks;
import dev.jmcp.transport.stdio.internal.FrameWriter;
import dev.jmcp.transport.stdio.internal.LineReader;
import dev.jmcp.transport.stdio.internal.ListenerGate;
import dev.jmcp.transport.stdio.internal.ProcessShutdown;
import dev.jmcp.transport.stdio.internal.StderrPump;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The client side of the stdio transport: launches an MCP server process and exchanges newline-delimited
 * JSON-RPC with it over its stdin and stdout. The process starts in {@link #start}.
 *
 * <pre>{@code
 * Transport transport = StdioClientTransport.builder("npx", "-y", "@modelcontextprotocol/server-everything")
 *         .workingDirectory(Path.of("/tmp"))
 *         .environment(Map.of("API_KEY", key))
 *         .build();
 * }</pre>
 *
 * <p>Each line the server writes to stderr is logged to the SLF4J logger {@value #STDERR_LOGGER} (at INFO unless
 * configured otherwise) and never treated as an error; the last lines are kept for error messages. If the server
 * exits while the transport is open, the listener is closed with a {@link StdioProcessExitedException} naming
 * the exit code and those lines, so every pending request fails at once.
 *
 * <p>{@link #close()} follows the specification, for the server's whole process tree: it first writes the
 * messages already queued (for at most {@link Builder#stdinCloseGrace}), closes the server's stdin, waits {@link
 * Builder#stdinCloseGrace} for the process to exit, then terminates it and its descendants (SIGTERM) and waits
 * {@link Builder#terminateGrace}, then kills them. Descendants recorded while the server ran that outlive it (what
 * an {@code npx}, {@code uvx} or {@code sh -c} wrapper left behind) are terminated and then killed too, and the
 * server's stdout and stderr are closed, so no process and no reader thread is left behind. It blocks for at most
 * twice each grace period plus a few seconds.
 *
 * <p>Environment: the server does not inherit this process's environment, which may hold secrets, but only
 * the variables of {@link #DEFAULT_INHERITED_ENVIRONMENT} (PATH, HOME, USER, LANG, TMPDIR, SystemRoot, ...) plus
 * those set with {@link Builder#environment}. {@link Builder#inheritFullEnvironment()} opts in to everything.
 *
 * <p>Threads: one reader thread (stdout), one stderr thread and one writer thread per process, virtual on JDK
 * 21+. Outbound messages go through a write queue bounded in messages and bytes; a sender waits at most the
 * write timeout for room, so a server that never reads its stdin cannot exhaust memory. Inbound lines longer
 * than the codec's message limit are skipped without being buffered whole and reported as invalid.
 */
public final class StdioClientTransport implements Transport {
    /** The SLF4J logger that receives the server process's stderr lines. */
    public static final String STDERR_LOGGER = "dev.jmcp.transport.stdio.stderr";
    /** Default wait for the server to exit after its stdin was closed. */
    public static final Duration DEFAULT_STDIN_CLOSE_GRACE = Duration.ofSeconds(2);
    /** Default wait for the server to exit after it was terminated, before it is killed. */
    public static final Duration DEFAULT_TERMINATE_GRACE = Duration.ofSeconds(2);
    /** Default wait of a sender for room in the write queue. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Default number of messages the write queue holds. */
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 1024;
    /** Default number of bytes the write queue holds. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    /**
     * The variables a server inherits by default (when this process has them), enough to find and run programs
     * ({@code npx}, {@code uvx}, a JVM) on Unix and Windows: the same idea as the TypeScript and Python SDKs'
     * default environments. Compared case-insensitively.
     */
    public static final Set<String> DEFAULT_INHERITED_ENVIRONMENT = Set.of(
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "SHELL",
            "TERM",
            "LANG",
            "LC_ALL",
            "LC_CTYPE",
            "TZ",
            "TMPDIR",
            "TEMP",
            "TMP",
            "SYSTEMROOT",
            "SYSTEMDRIVE",
            "WINDIR",
            "COMSPEC",
            "PATHEXT",
            "APPDATA",
            "LOCALAPPDATA",
            "PROGRAMDATA",
            "PROGRAMFILES",
            "PROGRAMFILES(X86)",
            "USERPROFILE",
            "USERNAME",
            "HOMEDRIVE",
            "HOMEPATH",
            "PROCESSOR_ARCHITECTURE");

    private static final Logger LOG = LoggerFactory.getLogger(StdioClientTransport.class);
    private static final Logger STDERR_LOG = LoggerFactory.getLogger(STDERR_LOGGER);
    private static final Duration EXIT_REPORT_WAIT = Duration.ofSeconds(2);
    private static final Duration STDERR_DRAIN_WAIT = Duration.ofMillis(500);
    private static final Duration JOIN_WAIT = Duration.ofSeconds(2);
    private static final long EXIT_WATCHDOG_MILLIS = 1000;

    private final List<String> command;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final EnvironmentMode environmentMode;
    private final Duration stdinCloseGrace;
    private final Duration terminateGrace;
    private final Duration writeTimeout;
    private final int maxQueuedMessages;
    private final long maxQueuedBytes;
    private final JsonRpcCodec codec;
    private final Level stderrLevel;
    private final int stderrTailLines;

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ListenerGate gate = new ListenerGate(LOG, () -> this.displayName);
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final AtomicLong linesRead = new AtomicLong();
    private volatile Process process;
    private volatile FrameWriter writer;
    private volatile StderrPump stderr;
    private volatile Thread readerThread;
    private volatile String displayName;

    private StdioClientTransport(Builder b) {
        this.command = List.copyOf(b.command);
        this.workingDirectory = b.workingDirectory;
        this.environment = Map.copyOf(b.environment);
        this.environmentMode = b.environmentMode;
        this.stdinCloseGrace = b.stdinCloseGrace;
        this.terminateGrace = b.terminateGrace;
        this.writeTimeout = b.writeTimeout;
        this.maxQueuedMessages = b.maxQueuedMessages;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.codec = b.codec;
        this.stderrLevel = b.stderrLevel;
        this.stderrTailLines = b.stderrTailLines;
        this.displayName = Path.of(command.get(0)).getFileName().toString();
    }

    /**
     * A builder for a server launched as {@code command} (the program, optionally followed by arguments).
     *
     * @param command the command
     * @return a builder for a server launched as {@code command} (the program, optionally followed by arguments)
     */
    public static Builder builder(String... command) {
        return new Builder(Arrays.asList(command));
    }

    /**
     * A builder for a server launched as {@code command} (the program, optionally followed by arguments).
     *
     * @param command the command
     * @return a builder for a server launched as {@code command} (the program, optionally followed by arguments)
     */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /**
     * Launches the server process and starts reading its stdout and stderr.
     *
     * @throws McpTransportException if the process cannot be started
     * @throws IllegalStateException if called twice
     */
    @Override
    public void start(TransportListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("transport already started");
        }
        if (closing.get()) {
            throw new McpTransportException("transport is closed");
        }
        gate.open(listener);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        environmentMode.apply(pb.environment());
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            gate.markFinished();
            throw new McpTransportException("cannot start server process " + command + ": " + e.getMessage(), e);
        }
        String name = displayName + " (pid " + p.pid() + ")";
        displayName = name;
        process = p;
        LOG.debug("started server process {}: {}", name, command);
        FrameWriter w = new FrameWriter(
                p.getOutputStream(), "jmcp-stdio-writer " + name, maxQueuedMessages, maxQueuedBytes, writeTimeout);
        writer = w;
        StderrPump pump = new StderrPump(p.getErrorStream(), stderrTailLines, this::logStderr);
        stderr = pump;
        w.start();
        pump.start("jmcp-stdio-stderr " + name);
        readerThread = HandlerExecutors.startThread("jmcp-stdio-reader " + name, this::readLoop);
        p.onExit().thenAccept(done -> {
            exit.complete(done.exitValue());
            scheduleAfterExit(linesRead.get());
        });
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        FrameWriter w = writer;
        if (w == null) {
            return CompletableFuture.failedFuture(new McpTransportException("transport not started"));
        }
        if (closing.get()) {
            return CompletableFuture.failedFuture(
                    new McpTransportException("transport to " + displayName + " is closed"));
        }
        return w.enqueue(codec, message);
    }

    /**
     * The messages travel over the process's standard input and output.
     *
     * @return {@link NetworkProtocol#PIPE}
     */
    @Override
    public NetworkProtocol networkProtocol() {
        return NetworkProtocol.PIPE;
    }

    /**
     * Shuts the server down as the specification says (close stdin, wait, terminate, wait, kill) and releases
     * every thread. Idempotent; blocks for at most both grace periods plus a few seconds.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        Process p = process;
        if (p == null) {
            finish(null);
            return;
        }
        FrameWriter w = writer;
        OptionalInt code = ProcessShutdown.shutdown(
                p,
                () -> {
                    // the frames already queued go out first; then the writer closes the server's stdin
                    w.stop(true);
                    if (!w.awaitTerminated(stdinCloseGrace)) {
                        LOG.debug("{} did not read its queued messages within {} ms", displayName, stdinCloseGrace);
                    }
                },
                stdinCloseGrace,
                terminateGrace,
                displayName);
        // a process that escaped the tree (a daemon) may still hold the pipes: stop reading them regardless
        closeQuietly(p.getInputStream());
        closeQuietly(p.getErrorStream());
        Thread reader = readerThread;
        if (reader != null && reader != Thread.currentThread()) {
            join(reader, JOIN_WAIT);
        }
        stderr.awaitEnd(JOIN_WAIT);
        writer.awaitTerminated(JOIN_WAIT);
        if (code.isPresent()) {
            exit.complete(code.getAsInt());
            LOG.debug("server process {} exited with code {}", displayName, code.getAsInt());
        }
        finish(null);
    }

    /**
     * The server's process id, or -1 before {@link #start}.
     *
     * @return the server's process id, or -1 before {@link #start}
     */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /**
     * The server process's exit code, once it has exited.
     *
     * @return the server process's exit code, once it has exited
     */
    public OptionalInt exitCode() {
        Integer code = exit.getNow(null);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /**
     * Completes with the exit code when the server process exits.
     *
     * @return a future that completes with the server process's exit code
     */
    public CompletableFuture<Integer> onExit() {
        return exit.copy();
    }

    /**
     * The last lines the server wrote to stderr, oldest first.
     *
     * @return the last lines the server wrote to stderr, oldest first
     */
    public List<String> recentStderr() {
        StderrPump pump = stderr;
        return pump == null ? List.of() : pump.recentLines();
    }

    /**
     * The command line the server is launched with.
     *
     * @return the command line the server is launched with
     */
    public List<String> command() {
        return command;
    }

    private void logStderr(String line) {
        STDERR_LOG.atLevel(stderrLevel).log("[{}] {}", displayName, line);
    }

    private void readLoop() {
        Process p = process;
        LineReader reader = new LineReader(p.getInputStream(), codec.limits().maxMessageBytes());
        IOException error = null;
        try {
            gate.deliverAll(reader, codec, linesRead::incrementAndGet);
        } catch (IOException e) {
            error = e;
        }
        if (closing.get()) {
            return;
        }
        Integer code = null;
        try {
            code = p.onExit()
                    .get(EXIT_REPORT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .exitValue();
            exit.complete(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still running: reported below, then terminated
        }
        stderr.awaitEnd(STDERR_DRAIN_WAIT);
        StdioProcessExitedException cause = new StdioProcessExitedException(displayName, code, stderr.recentLines());
        if (error != null) {
            cause.addSuppressed(error);
        }
        LOG.debug("{}", cause.getMessage());
        finish(cause);
        if (code == null) {
            HandlerExecutors.startThread("jmcp-stdio-shutdown " + displayName, this::close);
        }
    }

    private void scheduleAfterExit(long linesSeen) {
        // jmcp's timer, then its executor: CompletableFuture.delayedExecutor would start a thread per task on 1-2
        // CPU machines
        HandlerExecutors.schedule(
                () -> HandlerExecutors.delivery().execute(() -> afterExit(linesSeen)),
                TimeUnit.MILLISECONDS.toNanos(EXIT_WATCHDOG_MILLIS));
    }

    /**
     * Runs a while after the process exited: closes the listener even if a grandchild still holds stdout open,
     * once the reader has stopped making progress.
     */
    private void afterExit(long linesSeen) {
        if (closing.get() || gate.isFinished()) {
            return;
        }
        long lines = linesRead.get();
        if (lines != linesSeen) {
            scheduleAfterExit(lines);
            return;
        }
        stderr.awaitEnd(STDERR_DRAIN_WAIT);
        StdioProcessExitedException cause =
                new StdioProcessExitedException(displayName, exit.getNow(null), stderr.recentLines());
        LOG.debug("{} (its stdout is still open)", cause.getMessage());
        finish(cause);
    }

    private void finish(Throwable cause) {
        gate.finish(cause, writer);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a server pipe failed", e);
        }
    }

    /** The reader thread, while it runs (for tests). */
    Thread readerThread() {
        return readerThread;
    }

    /** What the server inherits of this process's environment. */
    private enum EnvironmentMode {
        /** {@link #DEFAULT_INHERITED_ENVIRONMENT} only. */
        ALLOWLIST {
            @Override
            void apply(Map<String, String> env) {
                env.keySet().removeIf(name -> !DEFAULT_INHERITED_ENVIRONMENT.contains(name.toUpperCase(Locale.ROOT)));
            }
        },
        /** Everything. */
        FULL {
            @Override
            void apply(Map<String, String> env) {}
        },
        /** Nothing. */
        NONE {
            @Override
            void apply(Map<String, String> env) {
                env.clear();
            }
        };

        abstract void apply(Map<String, String> env);
    }

    private static void join(Thread t, Duration timeout) {
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "StdioClientTransport[" + displayName + "]";
    }

    /** Builds a {@link StdioClientTransport}. */
    public static final class Builder {
        private final List<String> command = new ArrayList<>();
        private Path workingDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private EnvironmentMode environmentMode = EnvironmentMode.ALLOWLIST;
        private Duration stdinCloseGrace = DEFAULT_STDIN_CLOSE_GRACE;
        private Duration terminateGrace = DEFAULT_TERMINATE_GRACE;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private int maxQueuedMessages = DEFAULT_MAX_QUEUED_MESSAGES;
        private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private JsonRpcCodec codec = JsonRpcCodec.defaults();
        private Level stderrLevel = Level.INFO;
        private int stderrTailLines = 20;

        private Builder(List<String> command) {
            Objects.requireNonNull(command, "command");
            if (command.isEmpty() || command.get(0) == null || command.get(0).isBlank()) {
                throw new IllegalArgumentException("a command is required");
            }
            args(command);
        }

        /**
         * Appends arguments to the command line.
         *
         * @param args the args
         * @return this builder
         */
        public Builder args(String... args) {
            return args(Arrays.asList(args));
        }

        /**
         * Appends arguments to the command line.
         *
         * @param args the args
         * @return this builder
         */
        public Builder args(List<String> args) {
            for (String a : args) {
                command.add(Objects.requireNonNull(a, "argument"));
            }
            return this;
        }

        /**
         * The server's working directory; default: this process's.
         *
         * @param directory the server's working directory; default: this process's
         * @return this builder
         */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /**
         * Environment variables set for the server, on top of the inherited ones ({@link
         * #DEFAULT_INHERITED_ENVIRONMENT} unless {@link #inheritFullEnvironment()} or {@link #inheritEnvironment}).
         *
         * @param variables environment variables set for the server, on top of the inherited ones ({@link
         *     #DEFAULT_INHERITED_ENVIRONMENT} unless {@link #inheritFullEnvironment()} or {@link #inheritEnvironment})
         * @return this builder
         */
        public Builder environment(Map<String, String> variables) {
            variables.forEach(this::environment);
            return this;
        }

        /**
         * Sets one environment variable for the server.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Opts in to passing this process's whole environment to the server (every secret in it included). By
         * default the server gets only {@link #DEFAULT_INHERITED_ENVIRONMENT} and what {@link #environment} sets.
         *
         * @return this builder
         */
        public Builder inheritFullEnvironment() {
            this.environmentMode = EnvironmentMode.FULL;
            return this;
        }

        /**
         * With {@code true}, as {@link #inheritFullEnvironment()}; with {@code false}, the server inherits nothing,
         * not even {@code PATH}, and gets only what {@link #environment} sets. Without a call, the server inherits
         * {@link #DEFAULT_INHERITED_ENVIRONMENT}.
         *
         * @param inherit with {@code true}, as {@link #inheritFullEnvironment()}; with {@code false}, the server
         *     inherits nothing, not even {@code PATH}, and gets only what {@link #environment} sets
         * @return this builder
         */
        public Builder inheritEnvironment(boolean inherit) {
            this.environmentMode = inherit ? EnvironmentMode.FULL : EnvironmentMode.NONE;
            return this;
        }

        /**
         * How long {@link #close()} waits for the server to exit after closing its stdin; default 2 s.
         *
         * @param grace how long {@link #close()} waits for the server to exit after closing its stdin; default 2 s
         * @return this builder
         */
        public Builder stdinCloseGrace(Duration grace) {
            this.stdinCloseGrace = Checks.nonNegative(grace, "stdinCloseGrace");
            return this;
        }

        /**
         * How long {@link #close()} waits after terminating the server before killing it; default 2 s.
         *
         * @param grace how long {@link #close()} waits after terminating the server before killing it; default 2 s
         * @return this builder
         */
        public Builder terminateGrace(Duration grace) {
            this.terminateGrace = Checks.nonNegative(grace, "terminateGrace");
            return this;
        }

        /**
         * How long a sender waits for room in the write queue before failing; default 30 s.
         *
         * @param timeout how long a sender waits for room in the write queue before failing; default 30 s
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Checks.nonNegative(timeout, "writeTimeout");
            return this;
        }

        /**
         * How many messages the write queue holds; default 1024.
         *
         * @param max how many messages the write queue holds; default 1024
         * @return this builder
         */
        public Builder maxQueuedMessages(int max) {
            this.maxQueuedMessages = (int) Checks.positive(max, "maxQueuedMessages");
            return this;
        }

        /**
         * How many bytes the write queue holds (one message is always accepted); default 32 MiB.
         *
         * @param max how many bytes the write queue holds (one message is always accepted); default 32 MiB
         * @return this builder
         */
        public Builder maxQueuedBytes(long max) {
            this.maxQueuedBytes = Checks.positive(max, "maxQueuedBytes");
            return this;
        }

        /**
         * The codec, whose limits apply to every inbound line; default {@link JsonRpcCodec#defaults()}.
         *
         * @param codec the codec, whose limits apply to every inbound line; default {@link JsonRpcCodec#defaults()}
         * @return this builder
         */
        public Builder codec(JsonRpcCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * The level the server's stderr lines are logged at; default INFO.
         *
         * @param level the level the server's stderr lines are logged at; default INFO
         * @return this builder
         */
        public Builder stderrLevel(Level level) {
            this.stderrLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * How many of the last stderr lines are kept for error messages; default 20.
         *
         * @param lines how many of the last stderr lines are kept for error messages; default 20
         * @return this builder
         */
        public Builder stderrTailLines(int lines) {
            if (lines < 0) {
                throw new IllegalArgumentException("stderrTailLines must not be negative");
            }
            this.stderrTailLines = lines;
            return this;
        }

        /**
         * Builds the transport; the process starts when the transport is started.
         *
         * @return the built stdio client transport
         */
        public StdioClientTransport build() {
            return new StdioClientTransport(this);
        }
    }
}
