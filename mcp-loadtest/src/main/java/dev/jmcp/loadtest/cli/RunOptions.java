package dev.jmcp.loadtest.cli;

import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.Settings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.Overload;
import dev.jmcp.loadtest.internal.Durations;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code run} and {@code find-ceiling} share (a picocli mixin): the configuration file, the settings
 * the command line overrides in it, the thresholds, the report outputs and the target.
 */
final class RunOptions {
    @Option(
            names = {"-c", "--config"},
            description = "TOML configuration (jmcp or cargo-pmcp loadtest.toml format)")
    Path config;

    @Option(
            names = "--duration",
            description = "Run time, e.g. 15s, 2m (with stages: the run stops there, the stages cut)")
    String duration;

    @Option(
            names = "--vus",
            description = "Closed model: virtual users (replaces the config's stages with one stage at this level)")
    Integer vus;

    @Option(
            names = "--rate",
            description =
                    "Open model: scenario iterations per second (replaces the config's stages with one stage at this rate)")
    Double rate;

    @Option(
            names = "--overload",
            description = "Open model, no free worker: drop (after max_queue_wait, the default) or queue (never drop,"
                    + " wrk2-style)")
    String overload;

    @Option(
            names = "--pacing",
            description = "Closed model: each virtual user starts an iteration every PACING (e.g. 1s), so latency"
                    + " counts from an intended start")
    String pacing;

    @Option(
            names = "--requests-per-session",
            description = "Open model, persistent/stateless: workers sharing one pooled session (requests in flight"
                    + " per session; default 1)")
    Integer requestsPerSession;

    @Option(names = "--iterations", description = "Stop after this many iterations")
    Long iterations;

    @Option(names = "--session-mode", description = "persistent, per-iteration or stateless")
    String sessionMode;

    @Option(names = "--seed", description = "Random seed")
    Long seed;

    @Option(
            names = {"-t", "--threshold"},
            description = "Threshold such as p99<50ms, error_rate<1%%, tool:echo:p95<20ms")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--report-dir", description = "Directory for the JSON and HTML reports (default: loadtest-reports)")
    Path reportDir = Path.of("loadtest-reports");

    @Option(names = "--no-report", description = "Write no report files")
    boolean noReport;

    @Option(names = "--junit", description = "Write JUnit XML here")
    Path junit;

    @Option(names = "--quiet", description = "No live view")
    boolean quiet;

    @Option(
            names = "--discover",
            description = "Replace the scenarios: list the server's tools, resources and prompts and call each (tool"
                    + " arguments generated from its inputSchema with the run's seed)")
    boolean discover;

    @Option(
            names = "--segment",
            description = "Distributed generation: run execution segment i of n (e.g. 2/4): every n-th arrival of"
                    + " every stage (closed model: every n-th virtual user); `merge` joins the segments' reports")
    String segment;

    @Option(
            names = "--prometheus",
            description = "Serve live interval metrics as Prometheus text on [HOST:]PORT/metrics (HOST default"
                    + " 127.0.0.1)")
    String prometheus;

    /** The execution segment (the whole run without {@code --segment}). */
    dev.jmcp.loadtest.Segment segment() {
        return segment == null ? dev.jmcp.loadtest.Segment.WHOLE : dev.jmcp.loadtest.Segment.parse(segment);
    }

    /** The Prometheus endpoint's address, or {@code null}. */
    java.net.InetSocketAddress prometheusAddress() {
        if (prometheus == null) {
            return null;
        }
        int colon = prometheus.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : prometheus.substring(0, colon);
        try {
            int port = Integer.parseInt(prometheus.substring(colon + 1));
            return new java.net.InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--prometheus expects [HOST:]PORT, got " + prometheus);
        }
    }

    @Mixin
    TargetOptions targetOptions;

    @Parameters(
            arity = "0..*",
            paramLabel = "URL | -- COMMAND ARGS",
            description = "HTTP URL, or (after --) the stdio command")
    List<String> target = new ArrayList<>();

    /**
     * The configuration: the file given (or a {@code loadtest.toml} found upwards from the working directory, or a
     * ping scenario), with the command line's settings, thresholds and target applied; notes go to {@code err}.
     */
    LoadTestConfig loadConfig(PrintWriter err) {
        Path file = config != null ? config : defaultConfig();
        LoadTestConfig cfg = file != null
                ? ConfigLoader.load(file)
                : ConfigLoader.parse("[[scenario]]\ntype = \"ping\"\n", "<default: ping>");
        if ((vus != null || rate != null) && !cfg.stages().isEmpty()) {
            // the command line names the load: its stages (in the other model's units, or a ramp) cannot express it
            Duration planned = cfg.stages().stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
            err.println(
                    "note: --vus/--rate replace the config's " + cfg.stages().size() + " stages"
                            + (duration == null ? " (for their total " + Durations.format(planned) + ")" : ""));
            cfg = cfg.withStages(List.of()).withSettings(cfg.settings().withDuration(planned));
        }
        cfg = cfg.withSettings(overrideSettings(cfg.settings(), cfg.stages().isEmpty()));
        if (duration != null && !cfg.stages().isEmpty()) {
            cfg = cfg.withStages(capStages(cfg.stages(), Durations.parse(duration)));
        }
        if (!thresholds.isEmpty()) {
            List<String> all = new ArrayList<>(cfg.thresholds());
            all.addAll(thresholds);
            cfg = cfg.withThresholds(all);
        }
        TargetSpec t = targetOptions.merge(targetOptions.spec(target), cfg.target());
        if (t == null) {
            throw new IllegalArgumentException(
                    "no target: give a URL, `-- command args` or a [target] section in the config");
        }
        cfg = cfg.withTarget(t);
        if (discover) {
            cfg = cfg.withScenarios(discoveredScenarios(t, cfg.settings().seed(), err));
        }
        return cfg;
    }

    /** One scenario per tool (generated arguments), resource and prompt the server lists. */
    private static List<LoadTestConfig.Scenario> discoveredScenarios(TargetSpec t, long seed, PrintWriter err) {
        dev.jmcp.loadtest.target.Discovery.Discovered found;
        try {
            found = dev.jmcp.loadtest.Targets.discovery(t).discover(t, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while discovering " + t.describe(), e);
        } catch (Exception e) {
            throw new IllegalStateException("--discover: cannot list what " + t.describe() + " offers: " + e, e);
        }
        List<LoadTestConfig.Scenario> out = new ArrayList<>();
        for (dev.jmcp.loadtest.target.Discovery.Tool tool : found.tools()) {
            out.add(LoadTestConfig.Scenario.of(
                    "tool " + tool.name(),
                    1,
                    LoadTestConfig.FlowStep.of(
                            dev.jmcp.loadtest.target.Operation.TOOLS_CALL,
                            tool.name(),
                            dev.jmcp.loadtest.internal.SchemaArguments.generate(
                                    tool.inputSchema(),
                                    dev.jmcp.loadtest.internal.SchemaArguments.seedFor(seed, tool.name())))));
        }
        for (String uri : found.resourceUris()) {
            out.add(LoadTestConfig.Scenario.of(
                    "resource " + uri,
                    1,
                    LoadTestConfig.FlowStep.of(dev.jmcp.loadtest.target.Operation.RESOURCES_READ, uri, null)));
        }
        for (dev.jmcp.loadtest.target.Discovery.Prompt p : found.prompts()) {
            tools.jackson.databind.node.ObjectNode args =
                    dev.jmcp.core.McpJson.mapper().createObjectNode();
            p.requiredArguments().forEach(a -> args.put(a, "example"));
            out.add(LoadTestConfig.Scenario.of(
                    "prompt " + p.name(),
                    1,
                    LoadTestConfig.FlowStep.of(dev.jmcp.loadtest.target.Operation.PROMPTS_GET, p.name(), args)));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("--discover: " + t.describe() + " lists no tools, resources or prompts");
        }
        err.println("note: --discover: " + found.tools().size() + " tools, "
                + found.resourceUris().size() + " resources, " + found.prompts().size() + " prompts from "
                + found.serverName());
        return out;
    }

    private Settings overrideSettings(Settings s, boolean noStages) {
        if (duration != null) {
            s = s.withDuration(Durations.parse(duration));
        }
        if (vus != null) {
            s = s.withModel(LoadModel.CLOSED).withVirtualUsers(vus);
        }
        if (rate != null) {
            s = s.withModel(LoadModel.OPEN).withRate(rate);
        }
        if (iterations != null) {
            s = s.withIterations(iterations);
            if (duration == null && noStages) {
                s = s.withDuration(null);
            }
        }
        if (sessionMode != null) {
            s = s.withSessionMode(
                    SessionMode.valueOf(sessionMode.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (overload != null) {
            s = s.toBuilder()
                    .overload(
                            switch (overload.toLowerCase(Locale.ROOT)) {
                                case "drop" -> Overload.DROP;
                                case "queue" -> Overload.QUEUE;
                                default ->
                                    throw new IllegalArgumentException(
                                            "--overload expects drop or queue, got " + overload);
                            })
                    .build();
        }
        if (pacing != null) {
            s = s.toBuilder().pacing(Durations.parse(pacing)).build();
        }
        if (requestsPerSession != null) {
            if (requestsPerSession < 1) {
                throw new IllegalArgumentException("--requests-per-session must be at least 1");
            }
            s = s.toBuilder().requestsPerSession(requestsPerSession).build();
        }
        return s;
    }

    private static Path defaultConfig() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            for (Path p : List.of(dir.resolve("loadtest.toml"), dir.resolve(".pmcp/loadtest.toml"))) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            dir = dir.getParent();
        }
        return null;
    }

    /**
     * The stages cut at {@code limit} (so {@code --duration} bounds a staged run too): later stages are dropped and
     * the stage running at the limit ends there, at the level its ramp has reached by then.
     */
    static List<Stage> capStages(List<Stage> stages, Duration limit) {
        List<Stage> out = new ArrayList<>();
        long left = limit.toNanos();
        double previousVus = 0;
        double previousRate = 0;
        for (Stage s : stages) {
            if (left <= 0) {
                break;
            }
            long d = s.duration().toNanos();
            if (d <= left) {
                out.add(s);
            } else {
                double f = s.ramp() ? left / (double) d : 1;
                int vus = (int) Math.round(previousVus + (s.targetVus() - previousVus) * f);
                double rate = previousRate + (s.targetRate() - previousRate) * f;
                out.add(new Stage(s.name(), Duration.ofNanos(left), vus, rate, s.ramp()));
            }
            left -= d;
            previousVus = s.targetVus();
            previousRate = s.targetRate();
        }
        return out;
    }
}
