package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.Segment;
import dev.jmcp.loadtest.target.CallMode;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MCP-deep scenarios of one run: records progress and task steps (through a wrapping {@link Target}, only when
 * the scenarios have such steps), runs the scenarios configured next to the load (subscription fan-out, idle
 * streams, resumption, idle expiry) from {@link #start()} until the report is made, and adds their section to the
 * report, with the histograms behind its latencies (for {@code merge}). They need an HTTP target spec; otherwise the
 * report carries a warning instead.
 *
 * <p>In an execution segment {@code i/n} ({@code --segment}) the progress and task steps are part of the load, so
 * each segment records the steps of its own arrivals; {@code [idle_streams]} and {@code [idle_expiry]} hold the
 * sessions whose index {@code k} has {@code k mod n = i - 1}; {@code [subscribe]} and {@code [resumption]}, whose
 * measurement needs the clock of the process that sends the triggers, run whole in segment 1 and not in the others.
 * The merged report thus holds exactly the configured sessions.
 */
public final class McpScenarioRun implements AutoCloseable {
    private final LoadTestConfig config;
    private final Target target;
    private final StepDetailRecorder recorder;
    private final Segment segment;
    private final List<String> warnings = new ArrayList<>();
    private DeepClients clients;
    private SubscriptionFanOut subscribe;
    private IdleStreams idleStreams;
    private StreamResumption resumption;
    private IdleExpiryChurn idleExpiry;
    private boolean stopped;

    /**
     * The scenarios of a run.
     *
     * @param config the run's configuration
     * @param target the target the load goes to
     * @param segment the execution segment this process runs ({@link Segment#WHOLE} for the whole run)
     */
    public McpScenarioRun(LoadTestConfig config, Target target, Segment segment) {
        this.config = config;
        this.segment = segment;
        boolean deepSteps =
                config.scenarios().stream().flatMap(s -> s.steps().stream()).anyMatch(f -> f.mode() != CallMode.PLAIN);
        this.recorder = deepSteps ? new StepDetailRecorder() : null;
        this.target = deepSteps ? new DetailRecordingTarget(target, recorder) : target;
    }

    /**
     * The target the engine should use: the run's target, wrapped to record progress and task steps when there are
     * any.
     *
     * @return the target
     */
    public Target target() {
        return target;
    }

    /**
     * Opens the sessions of the scenarios next to the load (before the load starts, so they are held while it
     * runs).
     *
     * @throws InterruptedException if interrupted while opening them
     */
    public void start() throws InterruptedException {
        McpScenarioSettings s = config.mcpScenarios();
        if (s.isEmpty()) {
            return;
        }
        if (!DeepClients.supports(config.target())) {
            warnings.add("[subscribe], [idle_streams], [resumption] and [idle_expiry] need an http(s) target given as"
                    + " a URL; they did not run");
            return;
        }
        clients = new DeepClients(config.target(), "deep");
        boolean stateless = config.settings().sessionMode() == SessionMode.STATELESS;
        Duration timeout = config.settings().timeout();
        if (s.idleExpiry() != null) {
            idleExpiry = new IdleExpiryChurn(s.idleExpiry(), segment, clients, timeout);
            idleExpiry.start();
        }
        if (s.idleStreams() != null) {
            idleStreams = new IdleStreams(s.idleStreams(), segment, clients, stateless, timeout);
            idleStreams.start();
        }
        boolean first = segment.index() == 1;
        if (s.subscribe() != null && first) {
            subscribe = new SubscriptionFanOut(s.subscribe(), clients, stateless, timeout);
            subscribe.start();
        }
        if (s.resumption() != null && first) {
            if (stateless) {
                warnings.add("[resumption] resumes the handshake era's GET stream; it did not run with stateless"
                        + " sessions");
            } else {
                resumption = new StreamResumption(s.resumption(), clients, timeout);
                resumption.start();
            }
        }
    }

    /**
     * Ends the scenarios next to the load and returns the report with their section (and any warning).
     *
     * @param report the engine's report
     * @return the report with {@code mcpScenarios}
     */
    public LoadTestReport addTo(LoadTestReport report) {
        close();
        McpScenarios.Progress progress = recorder == null ? null : recorder.progress();
        McpScenarios.Tasks tasks = recorder == null ? null : recorder.tasks();
        Map<String, String> histograms = new TreeMap<>();
        if (recorder != null) {
            recorder.histograms(histograms);
        }
        if (subscribe != null) {
            subscribe.histograms(histograms);
        }
        if (resumption != null) {
            resumption.histograms(histograms);
        }
        McpScenarios section = new McpScenarios(
                progress,
                tasks,
                subscribe == null ? null : subscribe.result(),
                idleStreams == null ? null : idleStreams.result(),
                resumption == null ? null : resumption.result(),
                idleExpiry == null ? null : idleExpiry.result(),
                histograms.isEmpty() ? null : histograms);
        LoadTestReport.Builder b = report.toBuilder().mcpScenarios(section.isEmpty() ? null : section);
        if (!warnings.isEmpty()) {
            List<String> all = new ArrayList<>(report.warnings() == null ? List.of() : report.warnings());
            all.addAll(warnings);
            b.warnings(all);
        }
        return b.build();
    }

    /** Ends the scenarios next to the load (idempotent). */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (subscribe != null) {
            subscribe.stop();
        }
        if (resumption != null) {
            resumption.stop();
        }
        if (idleStreams != null) {
            idleStreams.stop();
        }
        if (idleExpiry != null) {
            idleExpiry.stop();
        }
        if (clients != null) {
            clients.close();
        }
    }
}
