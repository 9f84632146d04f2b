package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.target.CallMode;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The MCP-deep scenarios of one run: records progress and task steps (through a wrapping {@link Target}, only when
 * the scenarios have such steps), runs the scenarios configured next to the load (subscription fan-out, idle
 * streams, resumption, idle expiry) from {@link #start()} until the report is made, and adds their section to the
 * report. They need an HTTP target spec; otherwise the report carries a warning instead.
 */
public final class McpScenarioRun implements AutoCloseable {
    private final LoadTestConfig config;
    private final Target target;
    private final StepDetailRecorder recorder;
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
     */
    public McpScenarioRun(LoadTestConfig config, Target target) {
        this.config = config;
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
            idleExpiry = new IdleExpiryChurn(s.idleExpiry(), clients, timeout);
            idleExpiry.start();
        }
        if (s.idleStreams() != null) {
            idleStreams = new IdleStreams(s.idleStreams(), clients, stateless, timeout);
            idleStreams.start();
        }
        if (s.subscribe() != null) {
            subscribe = new SubscriptionFanOut(s.subscribe(), clients, stateless, timeout);
            subscribe.start();
        }
        if (s.resumption() != null) {
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
        McpScenarios section = new McpScenarios(
                recorder == null ? null : recorder.progress(),
                recorder == null ? null : recorder.tasks(),
                subscribe == null ? null : subscribe.result(),
                idleStreams == null ? null : idleStreams.result(),
                resumption == null ? null : resumption.result(),
                idleExpiry == null ? null : idleExpiry.result());
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
