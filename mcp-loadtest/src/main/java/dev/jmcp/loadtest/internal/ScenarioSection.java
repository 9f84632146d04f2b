package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code [[scenario]]} tables of a configuration: a single-step scenario ({@code type} and its subject),
 * or a flow of {@code [[scenario.step]]} tables whose {@code ${var}} placeholders must be extracted by an earlier
 * step.
 */
public final class ScenarioSection {
    private static final Set<String> SCENARIO_KEYS = Set.of(
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
            "format",
            "progress",
            "task");
    private static final Set<String> STEP_KEYS =
            Set.of("type", "tool", "uri", "prompt", "arguments", "extract", "code", "format", "progress", "task");

    private final ConfigFields fields;

    /** Reads with {@code fields}, which name the file in errors. */
    public ScenarioSection(ConfigFields fields) {
        this.fields = fields;
    }

    /** The scenarios of the {@code scenario} array ({@code null} when the file has none: an error). */
    public List<Scenario> read(JsonNode arr) {
        if (arr == null) {
            throw fields.error("scenario", "at least one [[scenario]] is required");
        }
        if (!arr.isArray() || arr.isEmpty()) {
            throw fields.error("scenario", "expected one or more [[scenario]] tables");
        }
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            out.add(scenario(arr.get(i), "scenario[" + i + "]"));
        }
        return out;
    }

    private Scenario scenario(JsonNode s, String p) {
        if (!s.isObject()) {
            throw fields.error(p, "expected a table");
        }
        fields.unknown(s, p, SCENARIO_KEYS);
        double weight = s.has("weight") ? fields.positive(s, p, "weight") : 1;
        List<FlowStep> steps = new ArrayList<>();
        String stepsKey = s.has("step") ? "step" : s.has("steps") ? "steps" : null;
        if (stepsKey != null) {
            if (s.has("type")) {
                throw fields.error(p + ".type", "a scenario has either a type or a list of steps, not both");
            }
            JsonNode list = s.get(stepsKey);
            if (!list.isArray() || list.isEmpty()) {
                throw fields.error(p + "." + stepsKey, "expected one or more [[scenario.step]] tables");
            }
            for (int j = 0; j < list.size(); j++) {
                String sp = p + "." + stepsKey + "[" + j + "]";
                fields.unknown(list.get(j), sp, STEP_KEYS);
                steps.add(step(list.get(j), sp));
            }
        } else {
            steps.add(step(s, p));
        }
        checkPlaceholders(steps, p, stepsKey);
        String name = s.has("name") ? fields.string(s, p, "name") : defaultName(steps);
        return new Scenario(name, weight, steps);
    }

    /** Every {@code ${var}} of a step is extracted by an earlier step of the same scenario. */
    private void checkPlaceholders(List<FlowStep> steps, String p, String stepsKey) {
        Set<String> defined = new HashSet<>();
        for (int j = 0; j < steps.size(); j++) {
            for (String var : Placeholders.referenced(steps.get(j))) {
                if (!defined.contains(var)) {
                    String sp = stepsKey == null ? p : p + "." + stepsKey + "[" + j + "]";
                    throw fields.error(sp, "${" + var + "} is not extracted by an earlier step of this scenario");
                }
            }
            defined.addAll(steps.get(j).extract().keySet());
        }
    }

    private static String defaultName(List<FlowStep> steps) {
        FlowStep first = steps.get(0);
        String base = first.name() == null
                ? first.operation().method()
                : first.operation().method() + " " + first.name();
        return steps.size() == 1 ? base : base + " (+" + (steps.size() - 1) + " steps)";
    }

    private FlowStep step(JsonNode s, String p) {
        if (!s.has("type")) {
            throw fields.error(
                    p + ".type",
                    "missing (tools/call, resources/read, prompts/get, tools/list, resources/list, "
                            + "prompts/list or ping)");
        }
        String type = fields.string(s, p, "type");
        if (type.equals("code_mode")) {
            throw fields.error(
                    p + ".type", "code_mode (pmcp code mode) is not supported by jmcp; use tools/call steps");
        }
        Operation op = Operation.fromMethod(type);
        if (op == null) {
            throw fields.error(p + ".type", "unknown type \"" + type + "\"");
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
                throw fields.error(p + "." + k, "not used by " + type);
            }
        }
        String name = null;
        if (nameKey != null) {
            if (!s.has(nameKey)) {
                throw fields.error(p + "." + nameKey, "required for " + type);
            }
            name = fields.string(s, p, nameKey);
        }
        JsonNode args = s.has("arguments") ? arguments(s.get("arguments"), op, type, p) : null;
        return new FlowStep(op, name, args, extract(s, p), mode(s, p, op));
    }

    /** {@code progress = true} or {@code task = true} on a {@code tools/call} step (issue #20). */
    private dev.jmcp.loadtest.target.CallMode mode(JsonNode s, String p, Operation op) {
        boolean progress = s.has("progress") && fields.bool(s, p, "progress");
        boolean task = s.has("task") && fields.bool(s, p, "task");
        if ((progress || task) && op != Operation.TOOLS_CALL) {
            throw fields.error(p + (progress ? ".progress" : ".task"), "applies to tools/call steps only");
        }
        if (progress && task) {
            throw fields.error(
                    p + ".task", "a step is either a progress call or a task (a task call measures" + " progress too)");
        }
        return task
                ? dev.jmcp.loadtest.target.CallMode.TASK
                : progress ? dev.jmcp.loadtest.target.CallMode.PROGRESS : dev.jmcp.loadtest.target.CallMode.PLAIN;
    }

    private JsonNode arguments(JsonNode args, Operation op, String type, String p) {
        if (!args.isObject()) {
            throw fields.error(p + ".arguments", "expected a table of arguments");
        }
        if (op == Operation.PROMPTS_GET) {
            for (Map.Entry<String, JsonNode> e : args.properties()) {
                if (!e.getValue().isString()) {
                    throw fields.error(p + ".arguments." + e.getKey(), "prompt arguments must be strings");
                }
            }
        } else if (op != Operation.TOOLS_CALL) {
            throw fields.error(p + ".arguments", "not used by " + type);
        }
        return args;
    }

    private Map<String, String> extract(JsonNode s, String p) {
        Map<String, String> extract = fields.stringMap(s, p, "extract");
        extract.forEach((k, v) -> {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw fields.error(p + ".extract." + k, "variable names are letters, digits and _");
            }
            if (!v.isEmpty() && !v.startsWith("/")) {
                throw fields.error(
                        p + ".extract." + k,
                        "expected a JSON pointer such as /structuredContent/id, got \"" + v + "\"");
            }
        });
        return extract;
    }
}
