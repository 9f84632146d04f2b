package dev.jmcp.loadtest;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestConfig.CeilingSettings;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestConfig.Settings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestConfig.ThinkTime;
import dev.jmcp.loadtest.internal.Durations;
import dev.jmcp.loadtest.internal.Threshold;
import dev.jmcp.loadtest.internal.TomlLineLocator;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private static final Set<String> TOP =
            Set.of("target", "settings", "scenario", "stage", "thresholds", "breaking_point", "ceiling");

    private final String source;
    private final TomlLineLocator locator;

    private ConfigLoader(String source, String text) {
        this.source = source;
        this.locator = new TomlLineLocator(text);
    }

    /** Reads and validates a file. */
    public static LoadTestConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses and validates a TOML text; {@code source} names it in errors. */
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
            throw error(
                    "test",
                    "[test] is not a loadtest.toml section (documentation drift in cargo-pmcp); use [settings]");
        }
        if (root.has("scenarios")) {
            throw error("scenarios", "use [[scenario]] (singular)");
        }
        unknown(root, "", TOP);
        TargetSpec target = root.has("target") ? target(table(root, "target"), "target") : null;
        JsonNode settingsNode = root.has("settings") ? table(root, "settings") : TOML.createObjectNode();
        Settings settings = settings(settingsNode, root.has("stage"));
        List<Scenario> scenarios = scenarios(root.get("scenario"));
        List<Stage> stages = stages(root.get("stage"), settings.model());
        List<String> thresholds = thresholds(root.get("thresholds"));
        BreakingPointSettings bp = root.has("breaking_point")
                ? breakingPoint(table(root, "breaking_point"))
                : BreakingPointSettings.defaults();
        CeilingSettings ceiling = root.has("ceiling") ? ceiling(table(root, "ceiling")) : CeilingSettings.defaults();
        return new LoadTestConfig(target, settings, scenarios, stages, thresholds, bp, ceiling, source);
    }

    private TargetSpec target(JsonNode t, String path) {
        unknown(t, path, Set.of("url", "command", "args", "headers", "env"));
        Map<String, String> headers = stringMap(t, path, "headers");
        Map<String, String> env = stringMap(t, path, "env");
        if (t.has("url") == t.has("command")) {
            throw error(path, "give exactly one of url (HTTP) or command (stdio)");
        }
        if (t.has("url")) {
            String url = string(t, path, "url");
            if (!url.matches("(?i)(https?|sim):.*")) {
                throw error(path + ".url", "expected an http(s) URL, got '" + url + "'");
            }
            return new TargetSpec(url, List.of(), headers, env);
        }
        List<String> command = new ArrayList<>();
        JsonNode c = t.get("command");
        if (c.isArray()) {
            command.addAll(strings(c, path + ".command"));
        } else {
            command.add(string(t, path, "command"));
        }
        if (t.has("args")) {
            command.addAll(strings(t.get("args"), path + ".args"));
        }
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw error(path + ".command", "empty command");
        }
        return new TargetSpec(null, command, headers, env);
    }

    private Settings settings(JsonNode s, boolean hasStages) {
        String p = "settings";
        unknown(
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
                        "seed"));
        Settings d = Settings.defaults();
        LoadModel model = d.model();
        if (s.has("model")) {
            String m = string(s, p, "model").toLowerCase(Locale.ROOT);
            model = switch (m) {
                case "open" -> LoadModel.OPEN;
                case "closed" -> LoadModel.CLOSED;
                default -> throw error(p + ".model", "expected \"open\" or \"closed\", got \"" + m + "\"");
            };
        } else if (s.has("rate")) {
            model = LoadModel.OPEN;
        }
        int vus = opt(s, p, "virtual_users", this::positiveInt, d.virtualUsers());
        if (s.has("vus")) {
            vus = positiveInt(s, p, "vus");
        }
        double rate = opt(s, p, "rate", this::positive, d.rate());
        Duration duration = d.duration();
        if (s.has("duration")) {
            duration = duration(s, p, "duration");
        } else if (s.has("duration_secs")) {
            duration = Duration.ofSeconds(positiveInt(s, p, "duration_secs"));
        }
        long iterations = s.has("iterations") ? nonNegativeLong(s, p, "iterations") : 0;
        if (iterations > 0 && !s.has("duration") && !s.has("duration_secs") && !hasStages) {
            duration = null;
        }
        Duration timeout = d.timeout();
        if (s.has("timeout")) {
            timeout = duration(s, p, "timeout");
        } else if (s.has("timeout_ms")) {
            timeout = Duration.ofMillis(positiveInt(s, p, "timeout_ms"));
        }
        Duration think = Duration.ZERO;
        if (s.has("think_time")) {
            think = duration(s, p, "think_time");
        } else if (s.has("request_interval_ms")) {
            think = Duration.ofMillis(nonNegativeLong(s, p, "request_interval_ms"));
        }
        boolean exponential = false;
        if (s.has("think_time_distribution")) {
            String dist = string(s, p, "think_time_distribution").toLowerCase(Locale.ROOT);
            if (!dist.equals("fixed") && !dist.equals("exponential")) {
                throw error(
                        p + ".think_time_distribution", "expected \"fixed\" or \"exponential\", got \"" + dist + "\"");
            }
            exponential = dist.equals("exponential");
        }
        if (s.has("expected_interval_ms")) {
            nonNegativeLong(s, p, "expected_interval_ms"); // accepted for cargo-pmcp files; not needed, see docs
        }
        SessionMode mode = d.sessionMode();
        if (s.has("session_mode")) {
            String m = string(s, p, "session_mode").toLowerCase(Locale.ROOT).replace('_', '-');
            mode = switch (m) {
                case "persistent" -> SessionMode.PERSISTENT;
                case "per-iteration", "new-per-iteration" -> SessionMode.PER_ITERATION;
                case "stateless" -> SessionMode.STATELESS;
                default ->
                    throw error(
                            p + ".session_mode", "expected persistent, per-iteration or stateless, got \"" + m + "\"");
            };
        }
        int maxWorkers = opt(s, p, "max_workers", this::positiveInt, d.maxWorkers());
        Duration queueWait = opt(s, p, "max_queue_wait", this::duration, d.maxQueueWait());
        int sessionPool = opt(s, p, "session_pool", this::positiveInt, d.sessionPool());
        Duration interval = opt(s, p, "interval", this::duration, d.interval());
        if (interval.toMillis() < 100) {
            throw error(p + ".interval", "must be at least 100ms");
        }
        long seed = opt(s, p, "seed", this::longValue, d.seed());
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
                seed);
    }

    private List<Scenario> scenarios(JsonNode arr) {
        if (arr == null) {
            throw error("scenario", "at least one [[scenario]] is required");
        }
        if (!arr.isArray() || arr.isEmpty()) {
            throw error("scenario", "expected one or more [[scenario]] tables");
        }
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "scenario[" + i + "]";
            JsonNode s = arr.get(i);
            if (!s.isObject()) {
                throw error(p, "expected a table");
            }
            unknown(
                    s,
                    p,
                    Set.of(
                            "name",
                            "weight",
                            "type",
                            "tool",
                            "uri",
                            "prompt",
                            "arguments",
                            "extract",
                            "step",
                            "steps",
                            "code",
                            "format"));
            double weight = s.has("weight") ? positive(s, p, "weight") : 1;
            List<FlowStep> steps = new ArrayList<>();
            String stepsKey = s.has("step") ? "step" : s.has("steps") ? "steps" : null;
            if (stepsKey != null) {
                if (s.has("type")) {
                    throw error(p + ".type", "a scenario has either a type or a list of steps, not both");
                }
                JsonNode list = s.get(stepsKey);
                if (!list.isArray() || list.isEmpty()) {
                    throw error(p + "." + stepsKey, "expected one or more [[scenario.step]] tables");
                }
                for (int j = 0; j < list.size(); j++) {
                    String sp = p + "." + stepsKey + "[" + j + "]";
                    unknown(
                            list.get(j),
                            sp,
                            Set.of("type", "tool", "uri", "prompt", "arguments", "extract", "code", "format"));
                    steps.add(step(list.get(j), sp));
                }
            } else {
                steps.add(step(s, p));
            }
            java.util.Set<String> defined = new java.util.HashSet<>();
            for (int j = 0; j < steps.size(); j++) {
                for (String var : dev.jmcp.loadtest.internal.Placeholders.referenced(steps.get(j))) {
                    if (!defined.contains(var)) {
                        String sp = stepsKey == null ? p : p + "." + stepsKey + "[" + j + "]";
                        throw error(sp, "${" + var + "} is not extracted by an earlier step of this scenario");
                    }
                }
                defined.addAll(steps.get(j).extract().keySet());
            }
            String name = s.has("name") ? string(s, p, "name") : defaultName(steps);
            out.add(new Scenario(name, weight, steps));
        }
        return out;
    }

    private static String defaultName(List<FlowStep> steps) {
        FlowStep f = steps.get(0);
        String base = f.name() == null ? f.operation().method() : f.operation().method() + " " + f.name();
        return steps.size() == 1 ? base : base + " (+" + (steps.size() - 1) + " steps)";
    }

    private FlowStep step(JsonNode s, String p) {
        if (!s.has("type")) {
            throw error(
                    p + ".type",
                    "missing (tools/call, resources/read, prompts/get, tools/list, resources/list, "
                            + "prompts/list or ping)");
        }
        String type = string(s, p, "type");
        if (type.equals("code_mode")) {
            throw error(p + ".type", "code_mode (pmcp code mode) is not supported by jmcp; use tools/call steps");
        }
        Operation op = Operation.fromMethod(type);
        if (op == null) {
            throw error(p + ".type", "unknown type \"" + type + "\"");
        }
        String nameKey =
                switch (op) {
                    case TOOLS_CALL -> "tool";
                    case RESOURCES_READ -> "uri";
                    case PROMPTS_GET -> "prompt";
                    default -> null;
                };
        for (String k : List.of("tool", "uri", "prompt", "code", "format")) {
            if (s.has(k) && !k.equals(nameKey)) {
                throw error(p + "." + k, "not used by " + type);
            }
        }
        String name = null;
        if (nameKey != null) {
            if (!s.has(nameKey)) {
                throw error(p + "." + nameKey, "required for " + type);
            }
            name = string(s, p, nameKey);
        }
        JsonNode args = null;
        if (s.has("arguments")) {
            args = s.get("arguments");
            if (!args.isObject()) {
                throw error(p + ".arguments", "expected a table of arguments");
            }
            if (op == Operation.PROMPTS_GET) {
                for (Map.Entry<String, JsonNode> e : args.properties()) {
                    if (!e.getValue().isString()) {
                        throw error(p + ".arguments." + e.getKey(), "prompt arguments must be strings");
                    }
                }
            } else if (op != Operation.TOOLS_CALL) {
                throw error(p + ".arguments", "not used by " + type);
            }
        }
        Map<String, String> extract = stringMap(s, p, "extract");
        extract.forEach((k, v) -> {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(p + ".extract." + k, "variable names are letters, digits and _");
            }
            if (!v.isEmpty() && !v.startsWith("/")) {
                throw error(
                        p + ".extract." + k,
                        "expected a JSON pointer such as /structuredContent/id, got \"" + v + "\"");
            }
        });
        return new FlowStep(op, name, args, extract);
    }

    private List<Stage> stages(JsonNode arr, LoadModel model) {
        if (arr == null) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw error("stage", "expected [[stage]] tables");
        }
        List<Stage> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "stage[" + i + "]";
            JsonNode s = arr.get(i);
            unknown(s, p, Set.of("name", "duration", "duration_secs", "target_vus", "target_rate", "ramp"));
            Duration d;
            if (s.has("duration")) {
                d = duration(s, p, "duration");
            } else if (s.has("duration_secs")) {
                d = Duration.ofSeconds(positiveInt(s, p, "duration_secs"));
            } else {
                throw error(p + ".duration", "required (duration = \"30s\" or duration_secs = 30)");
            }
            int vus = 0;
            double rate = 0;
            if (model == LoadModel.CLOSED) {
                if (!s.has("target_vus")) {
                    throw error(p + ".target_vus", "required in the closed model");
                }
                if (s.has("target_rate")) {
                    throw error(p + ".target_rate", "only in the open model (settings.model = \"open\")");
                }
                vus = nonNegativeInt(s, p, "target_vus");
            } else {
                if (!s.has("target_rate")) {
                    throw error(p + ".target_rate", "required in the open model");
                }
                if (s.has("target_vus")) {
                    throw error(p + ".target_vus", "only in the closed model");
                }
                rate = nonNegativeDouble(s, p, "target_rate");
            }
            boolean ramp = !s.has("ramp") || bool(s, p, "ramp");
            String name = s.has("name") ? string(s, p, "name") : "stage " + (i + 1);
            out.add(new Stage(name, d, vus, rate, ramp));
        }
        return out;
    }

    private List<String> thresholds(JsonNode arr) {
        if (arr == null) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw error("thresholds", "expected an array of strings such as [\"p99<50ms\", \"error_rate<1%\"]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "thresholds[" + i + "]";
            if (!arr.get(i).isString()) {
                throw error(p, "expected a string");
            }
            try {
                out.add(Threshold.parse(arr.get(i).asString()).expression());
            } catch (IllegalArgumentException e) {
                throw error(p, e.getMessage());
            }
        }
        return out;
    }

    private BreakingPointSettings breakingPoint(JsonNode b) {
        String p = "breaking_point";
        unknown(
                b,
                p,
                Set.of(
                        "enabled",
                        "baseline_intervals",
                        "window_intervals",
                        "error_rate",
                        "error_rate_factor",
                        "p99_factor",
                        "p99_floor",
                        "plateau_load_increase",
                        "plateau_throughput_increase",
                        "stop_on_detection"));
        BreakingPointSettings d = BreakingPointSettings.defaults();
        return new BreakingPointSettings(
                opt(b, p, "enabled", this::bool, d.enabled()),
                opt(b, p, "baseline_intervals", this::positiveInt, d.baselineIntervals()),
                opt(b, p, "window_intervals", this::positiveInt, d.windowIntervals()),
                opt(b, p, "error_rate", this::fraction, d.errorRateAbsolute()),
                opt(b, p, "error_rate_factor", this::positive, d.errorRateFactor()),
                opt(b, p, "p99_factor", this::positive, d.p99Factor()),
                opt(b, p, "p99_floor", this::duration, d.p99Floor()),
                opt(b, p, "plateau_load_increase", this::fraction, d.plateauLoadIncrease()),
                opt(b, p, "plateau_throughput_increase", this::fraction, d.plateauThroughputIncrease()),
                opt(b, p, "stop_on_detection", this::bool, d.stopOnDetection()));
    }

    private CeilingSettings ceiling(JsonNode c) {
        String p = "ceiling";
        unknown(
                c,
                p,
                Set.of(
                        "start_rate",
                        "step_rate",
                        "step_duration",
                        "max_rate",
                        "slo_p99",
                        "slo_error_rate",
                        "slo_drop_rate"));
        CeilingSettings d = CeilingSettings.defaults();
        CeilingSettings out = new CeilingSettings(
                opt(c, p, "start_rate", this::positive, d.startRate()),
                opt(c, p, "step_rate", this::positive, d.stepRate()),
                opt(c, p, "step_duration", this::duration, d.stepDuration()),
                opt(c, p, "max_rate", this::positive, d.maxRate()),
                opt(c, p, "slo_p99", this::duration, d.sloP99()),
                opt(c, p, "slo_error_rate", this::fraction, d.sloErrorRate()),
                opt(c, p, "slo_drop_rate", this::fraction, d.sloDropRate()));
        if (out.maxRate() < out.startRate()) {
            throw error(p + ".max_rate", "must be at least start_rate");
        }
        return out;
    }

    // ---- typed field readers: each error names file, line and field path ----

    private ConfigException error(String path, String problem) {
        return new ConfigException(source, locator.lineOf(path), path, problem);
    }

    private void unknown(JsonNode node, String path, Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                String full = path.isEmpty() ? key : path + "." + key;
                if (!path.isEmpty() && TOP.contains(key)) {
                    throw error(
                            full,
                            "unknown field; in TOML a key after a [table] header belongs to that table:" + " move `"
                                    + key + " = ...` above the first [table]");
                }
                throw error(
                        full, "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private JsonNode table(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            throw error(key, "expected a table [" + key + "]");
        }
        return v;
    }

    private String string(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        if (!v.isString()) {
            throw error(path + "." + key, "expected a string, got " + describe(v));
        }
        return v.asString();
    }

    private List<String> strings(JsonNode arr, String path) {
        if (!arr.isArray()) {
            throw error(path, "expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            if (!arr.get(i).isString()) {
                throw error(path + "[" + i + "]", "expected a string");
            }
            out.add(arr.get(i).asString());
        }
        return out;
    }

    private Map<String, String> stringMap(JsonNode n, String path, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!n.has(key)) {
            return out;
        }
        JsonNode t = n.get(key);
        if (!t.isObject()) {
            throw error(path + "." + key, "expected a table of strings");
        }
        for (Map.Entry<String, JsonNode> e : t.properties()) {
            if (!e.getValue().isString()) {
                throw error(path + "." + key + "." + e.getKey(), "expected a string");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    private boolean bool(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        if (!v.isBoolean()) {
            throw error(path + "." + key, "expected true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    private double number(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        if (!v.isNumber()) {
            throw error(path + "." + key, "expected a number, got " + describe(v));
        }
        return v.asDouble();
    }

    private double positive(JsonNode n, String path, String key) {
        double d = number(n, path, key);
        if (!(d > 0)) {
            throw error(path + "." + key, "must be greater than 0, got " + n.get(key));
        }
        return d;
    }

    private double nonNegativeDouble(JsonNode n, String path, String key) {
        double d = number(n, path, key);
        if (d < 0) {
            throw error(path + "." + key, "must not be negative, got " + n.get(key));
        }
        return d;
    }

    private long longValue(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        if (!v.isIntegralNumber()) {
            throw error(path + "." + key, "expected an integer, got " + describe(v));
        }
        return v.asLong();
    }

    private long nonNegativeLong(JsonNode n, String path, String key) {
        long l = longValue(n, path, key);
        if (l < 0) {
            throw error(path + "." + key, "must not be negative, got " + l);
        }
        return l;
    }

    private int nonNegativeInt(JsonNode n, String path, String key) {
        long l = nonNegativeLong(n, path, key);
        if (l > Integer.MAX_VALUE) {
            throw error(path + "." + key, "too large: " + l);
        }
        return (int) l;
    }

    private int positiveInt(JsonNode n, String path, String key) {
        int i = nonNegativeInt(n, path, key);
        if (i == 0) {
            throw error(path + "." + key, "must be greater than 0");
        }
        return i;
    }

    private Duration duration(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        Duration d;
        if (v.isNumber()) {
            d = Duration.ofNanos(Math.round(v.asDouble() * 1e9));
        } else if (v.isString()) {
            try {
                d = Durations.parse(v.asString());
            } catch (IllegalArgumentException e) {
                throw error(path + "." + key, e.getMessage());
            }
        } else {
            throw error(path + "." + key, "expected a duration such as \"500ms\" or \"30s\", got " + describe(v));
        }
        if (d.isNegative()) {
            throw error(path + "." + key, "must not be negative");
        }
        return d;
    }

    private double fraction(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        double f;
        if (v.isString() && v.asString().trim().endsWith("%")) {
            String t = v.asString().trim();
            try {
                f = Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100;
            } catch (NumberFormatException e) {
                throw error(path + "." + key, "not a percentage: " + t);
            }
        } else {
            f = number(n, path, key);
        }
        if (f < 0) {
            throw error(path + "." + key, "must not be negative");
        }
        return f;
    }

    /** Reads one value of a table: the node, the table's path and the key. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode n, String path, String key);
    }

    /** The value at {@code key} read with {@code reader}, or {@code fallback} when the table has no such key. */
    private static <T> T opt(JsonNode n, String path, String key, Reader<T> reader, T fallback) {
        return n.has(key) ? reader.read(n, path, key) : fallback;
    }

    private static String describe(JsonNode v) {
        String type = v.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
