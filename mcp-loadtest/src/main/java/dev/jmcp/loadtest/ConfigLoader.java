package dev.jmcp.loadtest;

import static dev.jmcp.loadtest.internal.ConfigFields.opt;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestConfig.CeilingSettings;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestConfig.Settings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestConfig.ThinkTime;
import dev.jmcp.loadtest.internal.ConfigFields;
import dev.jmcp.loadtest.internal.McpScenarioSection;
import dev.jmcp.loadtest.internal.ScenarioSection;
import dev.jmcp.loadtest.internal.Threshold;
import dev.jmcp.loadtest.target.HttpOptions;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads a load-test configuration from TOML: jmcp's format, and the cargo-pmcp {@code loadtest.toml} format
 * ({@code [settings] virtual_users, duration_secs, timeout_ms, request_interval_ms, expected_interval_ms},
 * {@code [[scenario]] type/weight/tool/arguments/uri/prompt}, {@code [[stage]] target_vus/duration_secs}), which
 * is a subset of it. Every error is a {@link ConfigException} naming the file, the line and the field.
 */
public final class ConfigLoader {
    private static final TomlMapper TOML = TomlMapper.builder().build();
    private static final Set<String> TOP = Set.of(
            "target",
            "settings",
            "scenario",
            "stage",
            "thresholds",
            "breaking_point",
            "ceiling",
            "subscribe",
            "idle_streams",
            "resumption",
            "idle_expiry");

    private final String source;
    private final ConfigFields fields;

    private ConfigLoader(String source, String text) {
        this.source = source;
        this.fields = new ConfigFields(source, text, TOP);
    }

    /**
     * Reads and validates a file.
     *
     * @param file the file
     * @return the load test config
     */
    public static LoadTestConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * Parses and validates a TOML text; {@code source} names it in errors.
     *
     * @param text the text
     * @param source the source
     * @return the parsed load test config
     */
    public static LoadTestConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            throw new ConfigException(source, line, null, "invalid TOML: " + e.getOriginalMessage());
        }
        return new ConfigLoader(source, text).read(root == null ? TOML.createObjectNode() : root);
    }

    private LoadTestConfig read(JsonNode root) {
        if (root.has("test")) {
            throw fields.error(
                    "test",
                    "[test] is not a loadtest.toml section (documentation drift in cargo-pmcp); use [settings]");
        }
        if (root.has("scenarios")) {
            throw fields.error("scenarios", "use [[scenario]] (singular)");
        }
        fields.unknown(root, "", TOP);
        TargetSpec target = root.has("target") ? target(fields.table(root, "target"), "target") : null;
        JsonNode settingsNode = root.has("settings") ? fields.table(root, "settings") : TOML.createObjectNode();
        Settings settings = settings(settingsNode, root.has("stage"));
        List<Scenario> scenarios = new ScenarioSection(fields).read(root.get("scenario"));
        List<Stage> stages = stages(root.get("stage"), settings.model());
        List<String> thresholds = thresholds(root.get("thresholds"));
        BreakingPointSettings bp = root.has("breaking_point")
                ? breakingPoint(fields.table(root, "breaking_point"))
                : BreakingPointSettings.defaults();
        CeilingSettings ceiling =
                root.has("ceiling") ? ceiling(fields.table(root, "ceiling")) : CeilingSettings.defaults();
        return new LoadTestConfig(
                target,
                settings,
                scenarios,
                stages,
                thresholds,
                bp,
                ceiling,
                source,
                new McpScenarioSection(fields).read(root));
    }

    private TargetSpec target(JsonNode t, String path) {
        fields.unknown(
                t,
                path,
                Set.of("url", "command", "args", "headers", "env", "http_client", "http_version", "connections"));
        Map<String, String> headers = fields.stringMap(t, path, "headers");
        Map<String, String> env = fields.stringMap(t, path, "env");
        if (t.has("url") == t.has("command")) {
            throw fields.error(path, "give exactly one of url (HTTP) or command (stdio)");
        }
        if (t.has("url")) {
            String url = fields.string(t, path, "url");
            if (!url.matches("(?i)(https?|sim):.*")) {
                throw fields.error(path + ".url", "expected an http(s) URL, got '" + url + "'");
            }
            return new TargetSpec(url, List.of(), headers, env).withHttp(httpOptions(t, path));
        }
        List<String> command = new ArrayList<>();
        JsonNode c = t.get("command");
        if (c.isArray()) {
            command.addAll(fields.strings(c, path + ".command"));
        } else {
            command.add(fields.string(t, path, "command"));
        }
        if (t.has("args")) {
            command.addAll(fields.strings(t.get("args"), path + ".args"));
        }
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw fields.error(path + ".command", "empty command");
        }
        return new TargetSpec(null, command, headers, env);
    }

    /** {@code http_client}, {@code http_version} and {@code connections} of a URL target. */
    private HttpOptions httpOptions(JsonNode t, String path) {
        try {
            return new HttpOptions(
                    t.has("http_client") ? HttpOptions.parseEngine(fields.string(t, path, "http_client")) : null,
                    t.has("http_version") ? HttpOptions.Version.parse(fields.string(t, path, "http_version")) : null,
                    t.has("connections") ? HttpOptions.Connections.parse(fields.string(t, path, "connections")) : null);
        } catch (IllegalArgumentException e) {
            throw fields.error(path, e.getMessage());
        }
    }

    private Settings settings(JsonNode s, boolean hasStages) {
        String p = "settings";
        fields.unknown(
                s,
                p,
                Set.of(
                        "model",
                        "virtual_users",
                        "vus",
                        "rate",
                        "duration",
                        "duration_secs",
                        "iterations",
                        "timeout",
                        "timeout_ms",
                        "think_time",
                        "think_time_distribution",
                        "request_interval_ms",
                        "expected_interval_ms",
                        "session_mode",
                        "max_workers",
                        "max_queue_wait",
                        "session_pool",
                        "interval",
                        "seed",
                        "overload",
                        "pacing",
                        "requests_per_session"));
        Settings d = Settings.defaults();
        LoadModel model = d.model();
        if (s.has("model")) {
            String m = fields.string(s, p, "model").toLowerCase(Locale.ROOT);
            model = switch (m) {
                case "open" -> LoadModel.OPEN;
                case "closed" -> LoadModel.CLOSED;
                default -> throw fields.error(p + ".model", "expected \"open\" or \"closed\", got \"" + m + "\"");
            };
        } else if (s.has("rate")) {
            model = LoadModel.OPEN;
        }
        int vus = opt(s, p, "virtual_users", fields::positiveInt, d.virtualUsers());
        if (s.has("vus")) {
            vus = fields.positiveInt(s, p, "vus");
        }
        double rate = opt(s, p, "rate", fields::positive, d.rate());
        Duration duration = d.duration();
        if (s.has("duration")) {
            duration = fields.duration(s, p, "duration");
        } else if (s.has("duration_secs")) {
            duration = Duration.ofSeconds(fields.positiveInt(s, p, "duration_secs"));
        }
        long iterations = s.has("iterations") ? fields.nonNegativeLong(s, p, "iterations") : 0;
        if (iterations > 0 && !s.has("duration") && !s.has("duration_secs") && !hasStages) {
            duration = null;
        }
        Duration timeout = d.timeout();
        if (s.has("timeout")) {
            timeout = fields.duration(s, p, "timeout");
        } else if (s.has("timeout_ms")) {
            timeout = Duration.ofMillis(fields.positiveInt(s, p, "timeout_ms"));
        }
        Duration think = Duration.ZERO;
        if (s.has("think_time")) {
            think = fields.duration(s, p, "think_time");
        } else if (s.has("request_interval_ms")) {
            think = Duration.ofMillis(fields.nonNegativeLong(s, p, "request_interval_ms"));
        }
        boolean exponential = false;
        if (s.has("think_time_distribution")) {
            String dist = fields.string(s, p, "think_time_distribution").toLowerCase(Locale.ROOT);
            if (!dist.equals("fixed") && !dist.equals("exponential")) {
                throw fields.error(
                        p + ".think_time_distribution", "expected \"fixed\" or \"exponential\", got \"" + dist + "\"");
            }
            exponential = dist.equals("exponential");
        }
        if (s.has("expected_interval_ms")) {
            fields.nonNegativeLong(s, p, "expected_interval_ms"); // accepted for cargo-pmcp files; not needed, see docs
        }
        SessionMode mode = d.sessionMode();
        if (s.has("session_mode")) {
            String m =
                    fields.string(s, p, "session_mode").toLowerCase(Locale.ROOT).replace('_', '-');
            mode = switch (m) {
                case "persistent" -> SessionMode.PERSISTENT;
                case "per-iteration", "new-per-iteration" -> SessionMode.PER_ITERATION;
                case "per-iteration-abandon", "abandon" -> SessionMode.PER_ITERATION_ABANDON;
                case "stateless" -> SessionMode.STATELESS;
                default ->
                    throw fields.error(
                            p + ".session_mode",
                            "expected persistent, per-iteration, per-iteration-abandon or stateless, got \"" + m
                                    + "\"");
            };
        }
        int maxWorkers = opt(s, p, "max_workers", fields::positiveInt, d.maxWorkers());
        Duration queueWait = opt(s, p, "max_queue_wait", fields::duration, d.maxQueueWait());
        int sessionPool = opt(s, p, "session_pool", fields::positiveInt, d.sessionPool());
        Duration interval = opt(s, p, "interval", fields::duration, d.interval());
        if (interval.toMillis() < 100) {
            throw fields.error(p + ".interval", "must be at least 100ms");
        }
        long seed = opt(s, p, "seed", fields::longValue, d.seed());
        Overload overload = d.overload();
        if (s.has("overload")) {
            String o = fields.string(s, p, "overload").toLowerCase(Locale.ROOT);
            overload = switch (o) {
                case "drop" -> Overload.DROP;
                case "queue" -> Overload.QUEUE;
                default -> throw fields.error(p + ".overload", "expected \"drop\" or \"queue\", got \"" + o + "\"");
            };
        }
        Duration pacing = opt(s, p, "pacing", fields::duration, d.pacing());
        int requestsPerSession = opt(s, p, "requests_per_session", fields::positiveInt, 1);
        return new Settings(
                model,
                vus,
                rate,
                duration,
                iterations,
                timeout,
                new ThinkTime(think, exponential),
                mode,
                maxWorkers,
                queueWait,
                sessionPool,
                interval,
                seed,
                overload,
                pacing,
                requestsPerSession);
    }

    private List<Stage> stages(JsonNode arr, LoadModel model) {
        if (arr == null) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw fields.error("stage", "expected [[stage]] tables");
        }
        List<Stage> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "stage[" + i + "]";
            JsonNode s = arr.get(i);
            fields.unknown(s, p, Set.of("name", "duration", "duration_secs", "target_vus", "target_rate", "ramp"));
            Duration d;
            if (s.has("duration")) {
                d = fields.duration(s, p, "duration");
            } else if (s.has("duration_secs")) {
                d = Duration.ofSeconds(fields.positiveInt(s, p, "duration_secs"));
            } else {
                throw fields.error(p + ".duration", "required (duration = \"30s\" or duration_secs = 30)");
            }
            int vus = 0;
            double rate = 0;
            if (model == LoadModel.CLOSED) {
                if (!s.has("target_vus")) {
                    throw fields.error(p + ".target_vus", "required in the closed model");
                }
                if (s.has("target_rate")) {
                    throw fields.error(p + ".target_rate", "only in the open model (settings.model = \"open\")");
                }
                vus = fields.nonNegativeInt(s, p, "target_vus");
            } else {
                if (!s.has("target_rate")) {
                    throw fields.error(p + ".target_rate", "required in the open model");
                }
                if (s.has("target_vus")) {
                    throw fields.error(p + ".target_vus", "only in the closed model");
                }
                rate = fields.nonNegativeDouble(s, p, "target_rate");
            }
            boolean ramp = !s.has("ramp") || fields.bool(s, p, "ramp");
            String name = s.has("name") ? fields.string(s, p, "name") : "stage " + (i + 1);
            out.add(new Stage(name, d, vus, rate, ramp));
        }
        return out;
    }

    private List<String> thresholds(JsonNode arr) {
        if (arr == null) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw fields.error("thresholds", "expected an array of strings such as [\"p99<50ms\", \"error_rate<1%\"]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "thresholds[" + i + "]";
            if (!arr.get(i).isString()) {
                throw fields.error(p, "expected a string");
            }
            try {
                out.add(Threshold.parse(arr.get(i).asString()).expression());
            } catch (IllegalArgumentException e) {
                throw fields.error(p, e.getMessage());
            }
        }
        return out;
    }

    private BreakingPointSettings breakingPoint(JsonNode b) {
        String p = "breaking_point";
        fields.unknown(
                b,
                p,
                Set.of(
                        "enabled",
                        "warmup_intervals",
                        "baseline_intervals",
                        "window_intervals",
                        "min_samples",
                        "confirm_intervals",
                        "error_rate",
                        "error_rate_factor",
                        "p99_factor",
                        "p99_floor",
                        "drop_rate",
                        "plateau_horizon",
                        "plateau_load_increase",
                        "plateau_elasticity",
                        "stop_on_detection"));
        BreakingPointSettings d = BreakingPointSettings.defaults();
        return new BreakingPointSettings(
                opt(b, p, "enabled", fields::bool, d.enabled()),
                opt(b, p, "warmup_intervals", fields::nonNegativeInt, d.warmupIntervals()),
                opt(b, p, "baseline_intervals", fields::positiveInt, d.baselineIntervals()),
                opt(b, p, "window_intervals", fields::positiveInt, d.windowIntervals()),
                opt(b, p, "min_samples", fields::nonNegativeInt, d.minSamples()),
                opt(b, p, "confirm_intervals", fields::positiveInt, d.confirmIntervals()),
                opt(b, p, "error_rate", fields::fraction, d.errorRateAbsolute()),
                opt(b, p, "error_rate_factor", fields::positive, d.errorRateFactor()),
                opt(b, p, "p99_factor", fields::positive, d.p99Factor()),
                opt(b, p, "p99_floor", fields::duration, d.p99Floor()),
                opt(b, p, "drop_rate", fields::fraction, d.dropRate()),
                opt(b, p, "plateau_horizon", fields::positiveInt, d.plateauHorizon()),
                opt(b, p, "plateau_load_increase", fields::fraction, d.plateauLoadIncrease()),
                opt(b, p, "plateau_elasticity", fields::nonNegativeDouble, d.plateauElasticity()),
                opt(b, p, "stop_on_detection", fields::bool, d.stopOnDetection()));
    }

    private CeilingSettings ceiling(JsonNode c) {
        String p = "ceiling";
        fields.unknown(
                c,
                p,
                Set.of(
                        "start_rate",
                        "step_rate",
                        "step_duration",
                        "max_rate",
                        "slo_p99",
                        "slo_error_rate",
                        "slo_drop_rate",
                        "growth_factor",
                        "repeats"));
        CeilingSettings d = CeilingSettings.defaults();
        CeilingSettings out = new CeilingSettings(
                opt(c, p, "start_rate", fields::positive, d.startRate()),
                opt(c, p, "step_rate", fields::positive, d.stepRate()),
                opt(c, p, "step_duration", fields::duration, d.stepDuration()),
                opt(c, p, "max_rate", fields::positive, d.maxRate()),
                opt(c, p, "slo_p99", fields::duration, d.sloP99()),
                opt(c, p, "slo_error_rate", fields::fraction, d.sloErrorRate()),
                opt(c, p, "slo_drop_rate", fields::fraction, d.sloDropRate()),
                opt(c, p, "growth_factor", fields::positive, d.growthFactor()),
                opt(c, p, "repeats", fields::nonNegativeInt, d.repeats()));
        if (out.growthFactor() <= 1) {
            throw fields.error(p + ".growth_factor", "must be greater than 1");
        }
        if (out.maxRate() < out.startRate()) {
            throw fields.error(p + ".max_rate", "must be at least start_rate");
        }
        return out;
    }
}
