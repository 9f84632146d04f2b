package dev.jmcp.loadtest.target;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process model of a server: configurable latency distribution, error rates, stalls and a concurrency
 * capacity (requests beyond it queue, so latency grows with load like a saturated server). Used to test the
 * engine and to measure the load generator's own overhead ({@code sim:} targets on the command line).
 *
 * <p>With a fixed seed and one virtual user the sequence of latencies and errors is deterministic; with several
 * sessions each draws from its own stream split from the seed in session-open order.
 */
public final class SimulatedTarget implements Target {
    /** A latency distribution. */
    public enum Distribution {
        /** Always the mean. */
        FIXED,
        /** Uniform between 0 and twice the mean. */
        UNIFORM,
        /** Exponential with the mean. */
        EXPONENTIAL
    }

    private final Duration latency;
    private final Distribution distribution;
    private final double errorRate;
    private final int errorCode;
    private final double toolErrorRate;
    private final double stallRate;
    private final Duration stall;
    private final double openFailureRate;
    private final Semaphore capacity;
    private final SplittableRandom seedSource;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong sessionsOpened = new AtomicLong();
    private final AtomicLong sessionsClosed = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private SimulatedTarget(Builder b) {
        this.latency = b.latency;
        this.distribution = b.distribution;
        this.errorRate = b.errorRate;
        this.errorCode = b.errorCode;
        this.toolErrorRate = b.toolErrorRate;
        this.stallRate = b.stallRate;
        this.stall = b.stall;
        this.openFailureRate = b.openFailureRate;
        this.capacity = b.capacity > 0 ? new Semaphore(b.capacity, true) : null;
        this.seedSource = new SplittableRandom(b.seed);
    }

    /**
     * A new builder: 1 ms fixed latency, no errors, unbounded capacity, seed 1.
     *
     * @return a new builder: 1 ms fixed latency, no errors, unbounded capacity, seed 1
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a {@code sim:} URI such as {@code sim:?latency=2ms&distribution=exponential&error_rate=0.01&capacity=8}.
     * Parameters: {@code latency}, {@code distribution}, {@code error_rate}, {@code error_code},
     * {@code tool_error_rate}, {@code stall_rate}, {@code stall}, {@code open_failure_rate}, {@code capacity},
     * {@code seed}.
     *
     * @param uri the URI
     * @return the parsed simulated target
     */
    public static SimulatedTarget fromUri(String uri) {
        Builder b = builder();
        String query = URI.create(uri).getRawSchemeSpecificPart();
        int q = query.indexOf('?');
        query = q >= 0 ? query.substring(q + 1) : "";
        Map<String, String> params = new HashMap<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            params.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        params.forEach((k, v) -> {
            switch (k) {
                case "latency" -> b.latency(dev.jmcp.loadtest.internal.Durations.parse(v));
                case "distribution" -> b.distribution(Distribution.valueOf(v.toUpperCase(Locale.ROOT)));
                case "error_rate" -> b.errorRate(Double.parseDouble(v));
                case "error_code" -> b.errorCode(Integer.parseInt(v));
                case "tool_error_rate" -> b.toolErrorRate(Double.parseDouble(v));
                case "stall_rate" -> b.stallRate(Double.parseDouble(v));
                case "stall" -> b.stall(dev.jmcp.loadtest.internal.Durations.parse(v));
                case "open_failure_rate" -> b.openFailureRate(Double.parseDouble(v));
                case "capacity" -> b.capacity(Integer.parseInt(v));
                case "seed" -> b.seed(Long.parseLong(v));
                default -> throw new IllegalArgumentException("unknown sim parameter: " + k);
            }
        });
        return b.build();
    }

    @Override
    public synchronized TargetSession openSession(SessionMode mode) throws Exception {
        SplittableRandom random = seedSource.split();
        if (openFailureRate > 0 && random.nextDouble() < openFailureRate) {
            throw new java.io.IOException("simulated connection refused");
        }
        sessionsOpened.incrementAndGet();
        return new Session(random);
    }

    @Override
    public String describe() {
        return "simulated(latency=" + latency.toNanos() / 1000 + "us "
                + distribution.name().toLowerCase(Locale.ROOT) + ", error_rate=" + errorRate + ")";
    }

    /**
     * Sessions opened so far.
     *
     * @return sessions opened so far
     */
    public long sessionsOpened() {
        return sessionsOpened.get();
    }

    /**
     * Sessions closed so far.
     *
     * @return sessions closed so far
     */
    public long sessionsClosed() {
        return sessionsClosed.get();
    }

    /**
     * Requests received so far.
     *
     * @return requests received so far
     */
    public long requests() {
        return requests.get();
    }

    private final class Session implements TargetSession {
        private final SplittableRandom random;
        private boolean closed;

        Session(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public StepOutcome execute(Step step, Duration timeout) throws InterruptedException {
            if (closed) {
                return StepOutcome.connectionError("session closed");
            }
            requests.incrementAndGet();
            long deadline = System.nanoTime() + timeout.toNanos();
            long delay = drawLatency();
            boolean stalled = stallRate > 0 && random.nextDouble() < stallRate;
            if (stalled) {
                delay += stall.toNanos();
            }
            boolean fail = errorRate > 0 && random.nextDouble() < errorRate;
            boolean toolFail = toolErrorRate > 0 && random.nextDouble() < toolErrorRate;
            if (capacity != null) {
                if (!capacity.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return StepOutcome.timeout();
                }
            }
            try {
                long wake = System.nanoTime() + delay;
                if (wake - deadline > 0) {
                    sleepUntil(deadline);
                    return StepOutcome.timeout();
                }
                sleepUntil(wake);
            } finally {
                if (capacity != null) {
                    capacity.release();
                }
            }
            if (fail) {
                return StepOutcome.jsonRpcError(errorCode, "simulated error");
            }
            ObjectNode result = result(step);
            if (step.operation() == Operation.TOOLS_CALL && toolFail) {
                result.put("isError", true);
                return StepOutcome.toolError(result);
            }
            return StepOutcome.success(result);
        }

        private long drawLatency() {
            long mean = latency.toNanos();
            return switch (distribution) {
                case FIXED -> mean;
                case UNIFORM -> (long) (random.nextDouble() * 2 * mean);
                case EXPONENTIAL -> (long) (-Math.log(1 - random.nextDouble()) * mean);
            };
        }

        private ObjectNode result(Step step) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode result = f.objectNode();
            long seq = sequence.incrementAndGet();
            switch (step.operation()) {
                case TOOLS_CALL -> {
                    result.putArray("content").addObject().put("type", "text").put("text", "ok " + seq);
                    ObjectNode structured = result.putObject("structuredContent");
                    structured.put("seq", seq);
                    structured.put("tool", step.name());
                    JsonNode args = step.arguments();
                    structured.set("arguments", args == null ? f.objectNode() : args);
                    result.put("isError", false);
                }
                case RESOURCES_READ ->
                    result.putArray("contents")
                            .addObject()
                            .put("uri", step.name())
                            .put("text", "resource " + seq);
                case PROMPTS_GET ->
                    result.putArray("messages")
                            .addObject()
                            .put("role", "user")
                            .putObject("content")
                            .put("type", "text")
                            .put("text", "prompt " + step.name());
                case TOOLS_LIST ->
                    result.putArray("tools")
                            .addObject()
                            .put("name", "echo")
                            .putObject("inputSchema")
                            .put("type", "object");
                case RESOURCES_LIST ->
                    result.putArray("resources")
                            .addObject()
                            .put("uri", "sim://r/1")
                            .put("name", "r1");
                case PROMPTS_LIST -> result.putArray("prompts").addObject().put("name", "greet");
                case PING -> {}
            }
            return result;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                sessionsClosed.incrementAndGet();
            }
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Builds a {@link SimulatedTarget}. */
    public static final class Builder {
        private Duration latency = Duration.ofMillis(1);
        private Distribution distribution = Distribution.FIXED;
        private double errorRate;
        private int errorCode = -32603;
        private double toolErrorRate;
        private double stallRate;
        private Duration stall = Duration.ofSeconds(1);
        private double openFailureRate;
        private int capacity;
        private long seed = 1;

        private Builder() {}

        /**
         * The mean latency.
         *
         * @param latency the mean latency
         * @return this builder
         */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /**
         * The latency distribution around the mean.
         *
         * @param distribution the latency distribution around the mean
         * @return this builder
         */
        public Builder distribution(Distribution distribution) {
            this.distribution = distribution;
            return this;
        }

        /**
         * The probability of a JSON-RPC error answer.
         *
         * @param errorRate the probability of a JSON-RPC error answer
         * @return this builder
         */
        public Builder errorRate(double errorRate) {
            this.errorRate = errorRate;
            return this;
        }

        /**
         * The JSON-RPC code of simulated errors (default -32603).
         *
         * @param errorCode the JSON-RPC code of simulated errors (default -32603)
         * @return this builder
         */
        public Builder errorCode(int errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /**
         * The probability that a tool call answers {@code isError: true}.
         *
         * @param toolErrorRate the probability that a tool call answers {@code isError: true}
         * @return this builder
         */
        public Builder toolErrorRate(double toolErrorRate) {
            this.toolErrorRate = toolErrorRate;
            return this;
        }

        /**
         * The probability of a stall, and how long a stall adds to the latency.
         *
         * @param stallRate the probability of a stall, and how long a stall adds to the latency
         * @return this builder
         */
        public Builder stallRate(double stallRate) {
            this.stallRate = stallRate;
            return this;
        }

        /**
         * How long a stall adds to the latency.
         *
         * @param stall how long a stall adds to the latency
         * @return this builder
         */
        public Builder stall(Duration stall) {
            this.stall = stall;
            return this;
        }

        /**
         * The probability that opening a session fails.
         *
         * @param openFailureRate the probability that opening a session fails
         * @return this builder
         */
        public Builder openFailureRate(double openFailureRate) {
            this.openFailureRate = openFailureRate;
            return this;
        }

        /**
         * How many requests the server handles at once (0 = unbounded); more wait in a fair queue.
         *
         * @param capacity how many requests the server handles at once (0 = unbounded); more wait in a fair queue
         * @return this builder
         */
        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /**
         * The random seed.
         *
         * @param seed the random seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the target.
         *
         * @return the built simulated target
         */
        public SimulatedTarget build() {
            return new SimulatedTarget(this);
        }
    }
}
