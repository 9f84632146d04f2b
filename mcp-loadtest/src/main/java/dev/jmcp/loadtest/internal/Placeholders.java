package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.target.Step;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills {@code ${name}} placeholders in a step's name and argument strings from values extracted by earlier steps.
 * A string that is exactly one placeholder takes the extracted JSON value as is (a number stays a number);
 * otherwise the value's text is spliced in.
 */
public final class Placeholders {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Placeholders() {}

    /** The variable names a step refers to. */
    public static Set<String> referenced(FlowStep step) {
        Set<String> names = new LinkedHashSet<>();
        collect(step.name(), names);
        collect(step.arguments(), names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            collect(node.asString(), names);
        }
        for (JsonNode child : node) {
            collect(child, names);
        }
    }

    private static void collect(String s, Set<String> names) {
        if (s != null) {
            Matcher m = VAR.matcher(s);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
    }

    /** The concrete step with every placeholder filled. */
    public static Step resolve(FlowStep step, Map<String, JsonNode> vars) {
        if (vars.isEmpty()) {
            return new Step(step.operation(), step.name(), step.arguments(), step.mode());
        }
        String name = step.name() == null ? null : text(step.name(), vars);
        JsonNode args = step.arguments() == null ? null : fill(step.arguments(), vars);
        return new Step(step.operation(), name, args, step.mode());
    }

    private static JsonNode fill(JsonNode node, Map<String, JsonNode> vars) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isString()) {
            String s = node.asString();
            Matcher m = VAR.matcher(s);
            if (m.matches() && vars.containsKey(m.group(1))) {
                return vars.get(m.group(1));
            }
            return f.stringNode(text(s, vars));
        }
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), fill(e.getValue(), vars));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            for (JsonNode child : node) {
                out.add(fill(child, vars));
            }
            return out;
        }
        return node;
    }

    private static String text(String s, Map<String, JsonNode> vars) {
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = vars.get(m.group(1));
            String replacement = v == null ? m.group() : v.isString() ? v.asString() : v.toString();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
