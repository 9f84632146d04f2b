package dev.jmcp.server.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A structural check that a JSON Schema certainly compiles, so that its compilation by the validator (whose
 * classes cost start-up time) can wait until its first full validation without weakening the promise that
 * {@code McpServer.build()} refuses an invalid schema.
 *
 * <p>It says yes only for a 2020-12 schema (no {@code $schema}, or exactly the 2020-12 dialect id) built from a
 * closed list of keywords whose values have the expected shape: the applicators ({@code properties},
 * {@code items}, {@code additionalProperties}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not},
 * {@code if}/{@code then}/{@code else}, {@code $defs}), the plain assertions ({@code type}, {@code enum},
 * {@code const}, {@code required}, numeric and length bounds), annotations, {@code $anchor} and {@code $ref}
 * when the reference is a JSON pointer ({@code #/...}) or an anchor ({@code #name}) that resolves inside the same
 * document, and jmcp's {@code x-mcp-header} string annotation. Anything else (another dialect, {@code $id},
 * {@code pattern}, {@code format}, a reference to another document, a value of an unexpected shape) answers no,
 * and the schema is compiled at build as before: a no never refuses a schema, it only keeps the old path.
 */
final class CompilableSchema {
    static final String DIALECT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final Set<String> SUBSCHEMA = Set.of("items", "additionalProperties", "not", "if", "then", "else");
    private static final Set<String> SUBSCHEMA_MAP = Set.of("properties", "$defs");
    private static final Set<String> SUBSCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf");
    private static final Set<String> NON_NEGATIVE_INTEGER =
            Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");
    private static final Set<String> NUMBER = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    private static final Set<String> STRING_ANNOTATION = Set.of("title", "description", "$comment", "x-mcp-header");
    private static final Set<String> ANY_ANNOTATION = Set.of("default", "const");
    private static final Set<String> BOOLEAN_ANNOTATION = Set.of("deprecated", "readOnly", "writeOnly", "uniqueItems");
    private static final Set<String> TYPES =
            Set.of("object", "array", "string", "number", "integer", "boolean", "null");
    /** The anchor grammar of 2020-12 ({@code $anchor}). */
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z_][-A-Za-z0-9._]*");

    private final JsonNode root;
    private final Set<String> anchors = new HashSet<>();
    private final Set<String> refs = new HashSet<>();

    private CompilableSchema(JsonNode root) {
        this.root = root;
    }

    /**
     * Whether {@code schema} certainly compiles (see the class comment); false means "compile it to find out".
     *
     * @param schema the schema, a JSON object
     * @return whether it certainly compiles
     */
    static boolean certainly(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !(dialect.isString() && DIALECT_2020_12.equals(dialect.asString()))) {
            return false;
        }
        CompilableSchema check = new CompilableSchema(schema);
        return check.subschema(schema, true) && check.refsResolve();
    }

    private boolean subschema(JsonNode node, boolean isRoot) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return true;
        }
        if (!node.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!keyword(e.getKey(), e.getValue(), isRoot)) {
                return false;
            }
        }
        return true;
    }

    private boolean keyword(String key, JsonNode value, boolean isRoot) {
        if (SUBSCHEMA.contains(key)) {
            return subschema(value, false);
        }
        if (SUBSCHEMA_MAP.contains(key)) {
            if (!value.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!subschema(e.getValue(), false)) {
                    return false;
                }
            }
            return true;
        }
        if (SUBSCHEMA_LIST.contains(key)) {
            if (!value.isArray() || value.isEmpty()) {
                return false;
            }
            for (JsonNode s : value) {
                if (!subschema(s, false)) {
                    return false;
                }
            }
            return true;
        }
        if (NON_NEGATIVE_INTEGER.contains(key)) {
            return value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0;
        }
        if (NUMBER.contains(key)) {
            return value.isNumber();
        }
        if (STRING_ANNOTATION.contains(key)) {
            return value.isString();
        }
        if (BOOLEAN_ANNOTATION.contains(key)) {
            return value.isBoolean();
        }
        if (ANY_ANNOTATION.contains(key)) {
            return true;
        }
        switch (key) {
            case "$schema":
                return isRoot; // its value was checked by certainly()
            case "type":
                return type(value);
            case "enum":
                return value.isArray() && !value.isEmpty();
            case "examples":
                return value.isArray();
            case "required":
                return strings(value);
            case "$anchor":
                return value.isString() && ANCHOR.matcher(value.asString()).matches() && anchors.add(value.asString());
            case "$ref":
                if (!value.isString()) {
                    return false;
                }
                refs.add(value.asString()); // resolved once the whole document was walked
                return true;
            default:
                return false;
        }
    }

    private static boolean type(JsonNode value) {
        if (value.isString()) {
            return TYPES.contains(value.asString());
        }
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode t : value) {
            if (!t.isString() || !TYPES.contains(t.asString()) || !seen.add(t.asString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean strings(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode s : value) {
            if (!s.isString() || !seen.add(s.asString())) {
                return false;
            }
        }
        return true;
    }

    /** Every {@code $ref} is an anchor declared in this document or a JSON pointer to a subschema in it. */
    private boolean refsResolve() {
        for (String ref : refs) {
            if (!ref.startsWith("#")) {
                return false;
            }
            String fragment = ref.substring(1);
            if (fragment.startsWith("/")) {
                if (!pointsToSchema(fragment)) {
                    return false;
                }
            } else if (!anchors.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the JSON pointer names a subschema that this check walked: only pointers through {@code $defs} and
     * {@code properties} (the usual targets), with plain segments (no escapes, no percent-encoding).
     */
    private boolean pointsToSchema(String pointer) {
        String[] segments = pointer.substring(1).split("/", -1);
        if (segments.length % 2 != 0) {
            return false;
        }
        JsonNode node = root;
        for (int i = 0; i < segments.length; i += 2) {
            String container = segments[i];
            String name = segments[i + 1];
            if (!SUBSCHEMA_MAP.contains(container)
                    || name.isEmpty()
                    || name.indexOf('~') >= 0
                    || name.indexOf('%') >= 0) {
                return false;
            }
            JsonNode map = node.get(container);
            node = map == null ? null : map.get(name);
            if (node == null || !(node.isObject() || node.isBoolean())) {
                return false;
            }
        }
        return true;
    }
}
