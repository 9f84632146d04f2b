package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Typed readers for the fields of a TOML configuration: each checks the value's type and range, and each error is a
 * {@link ConfigException} naming the file, the line and the field path ({@code scenario[2].tool}).
 */
public final class ConfigFields {
    private final String source;
    private final TomlLineLocator locator;
    private final Set<String> topLevelKeys;

    /**
     * Creates the readers for one file: {@code source} names it in errors, {@code text} locates the lines, and
     * {@code topLevelKeys} are the file's top-level tables (a key of theirs found inside another table was meant to
     * stand above it).
     */
    public ConfigFields(String source, String text, Set<String> topLevelKeys) {
        this.source = source;
        this.locator = new TomlLineLocator(text);
        this.topLevelKeys = Set.copyOf(topLevelKeys);
    }

    /** Reads one value of a table: the node, the table's path and the key. */
    @FunctionalInterface
    public interface Reader<T> {
        /** The value at {@code key} of table {@code n} (at {@code path}). */
        T read(JsonNode n, String path, String key);
    }

    /** The value at {@code key} read with {@code reader}, or {@code fallback} when the table has no such key. */
    public static <T> T opt(JsonNode n, String path, String key, Reader<T> reader, T fallback) {
        return n.has(key) ? reader.read(n, path, key) : fallback;
    }

    /** The error for the field at {@code path}, with its line. */
    public ConfigException error(String path, String problem) {
        return new ConfigException(source, locator.lineOf(path), path, problem);
    }

    /** Rejects any key of {@code node} (the table at {@code path}) that is not {@code allowed}. */
    public void unknown(JsonNode node, String path, Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                String full = path.isEmpty() ? key : path + "." + key;
                if (!path.isEmpty() && topLevelKeys.contains(key)) {
                    throw error(
                            full,
                            "unknown field; in TOML a key after a [table] header belongs to that table:" + " move `"
                                    + key + " = ...` above the first [table]");
                }
                throw error(full, "unknown field (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The top-level table {@code key}. */
    public JsonNode table(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            throw error(key, "expected a table [" + key + "]");
        }
        return v;
    }

    /** A string. */
    public String string(JsonNode n, String path, String key) {
        return typed(n, path, key, JsonNode::isString, "a string").asString();
    }

    /** An array of strings (the array itself is at {@code path}). */
    public List<String> strings(JsonNode arr, String path) {
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

    /** A table of strings, in file order; empty (and modifiable) when absent. */
    public Map<String, String> stringMap(JsonNode n, String path, String key) {
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

    /** A boolean. */
    public boolean bool(JsonNode n, String path, String key) {
        return typed(n, path, key, JsonNode::isBoolean, "true or false").asBoolean();
    }

    /** Any number. */
    public double number(JsonNode n, String path, String key) {
        return typed(n, path, key, JsonNode::isNumber, "a number").asDouble();
    }

    /** A number greater than 0. */
    public double positive(JsonNode n, String path, String key) {
        double d = number(n, path, key);
        if (!(d > 0)) {
            throw error(path + "." + key, "must be greater than 0, got " + n.get(key));
        }
        return d;
    }

    /** A number of at least 0. */
    public double nonNegativeDouble(JsonNode n, String path, String key) {
        double d = number(n, path, key);
        if (d < 0) {
            throw error(path + "." + key, "must not be negative, got " + n.get(key));
        }
        return d;
    }

    /** An integer. */
    public long longValue(JsonNode n, String path, String key) {
        return typed(n, path, key, JsonNode::isIntegralNumber, "an integer").asLong();
    }

    /** An integer of at least 0. */
    public long nonNegativeLong(JsonNode n, String path, String key) {
        long l = longValue(n, path, key);
        if (l < 0) {
            throw error(path + "." + key, "must not be negative, got " + l);
        }
        return l;
    }

    /** An {@code int} of at least 0. */
    public int nonNegativeInt(JsonNode n, String path, String key) {
        long l = nonNegativeLong(n, path, key);
        if (l > Integer.MAX_VALUE) {
            throw error(path + "." + key, "too large: " + l);
        }
        return (int) l;
    }

    /** An {@code int} greater than 0. */
    public int positiveInt(JsonNode n, String path, String key) {
        int i = nonNegativeInt(n, path, key);
        if (i == 0) {
            throw error(path + "." + key, "must be greater than 0");
        }
        return i;
    }

    /** A non-negative duration: a string such as {@code "500ms"}, or a number of seconds. */
    public Duration duration(JsonNode n, String path, String key) {
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

    /** A non-negative fraction: a number, or a percentage string such as {@code "1%"}. */
    public double fraction(JsonNode n, String path, String key) {
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

    /** The value at {@code key} if it is of the {@code expected} type, else the error naming what it is. */
    private JsonNode typed(JsonNode n, String path, String key, Predicate<JsonNode> isExpected, String expected) {
        JsonNode v = n.get(key);
        if (!isExpected.test(v)) {
            throw error(path + "." + key, "expected " + expected + ", got " + describe(v));
        }
        return v;
    }

    private static String describe(JsonNode v) {
        String type = v.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
