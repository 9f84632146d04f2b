package dev.jmcp.server.internal.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jmcp.core.McpJson;
import dev.jmcp.server.Description;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

/**
 * One schema generation: walks a Java type as Jackson (jmcp's mapper) writes it and answers a JSON Schema 2020-12
 * document without {@code $schema}. Types that contain themselves are placed once under {@code $defs} and
 * referenced with a local {@code $ref} (the root type as {@code "#"}); no remote reference is ever produced.
 * Keys keep a stable order: properties in Jackson's order, {@code $defs} sorted by name.
 */
public final class SchemaGenerator {
    private static final JsonMapper MAPPER = McpJson.mapper();

    private final Map<JavaType, String> defNames = new HashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, ObjectNode> defs = new TreeMap<>();
    private final Deque<JavaType> stack = new ArrayDeque<>();
    private final Set<JavaType> recursive = new HashSet<>();
    private JavaType root;

    private SchemaGenerator() {}

    /** The schema of the values of {@code type}. */
    public static ObjectNode schemaOf(Type type) {
        SchemaGenerator g = new SchemaGenerator();
        g.root = MAPPER.constructType(type);
        return g.withDefs(g.schema(g.root, List.of()));
    }

    /** An object schema with the given properties, in order. */
    public static ObjectNode objectOf(List<Property> properties) {
        SchemaGenerator g = new SchemaGenerator();
        ObjectNode s = Scalars.type("object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        for (Property p : properties) {
            List<Annotation> annotations = p.annotations();
            ObjectNode ps = g.propertySchema(MAPPER.constructType(p.type()), annotations);
            String description = p.description() != null ? p.description() : description(annotations);
            if (description != null) {
                ps.put("description", description);
            }
            props.set(p.name(), ps);
            if (p.required()) {
                required.add(p.name());
            }
        }
        if (required.isEmpty()) {
            s.remove("required");
        }
        return g.withDefs(s);
    }

    private ObjectNode withDefs(ObjectNode s) {
        if (!defs.isEmpty()) {
            ObjectNode d = s.putObject("$defs");
            defs.forEach(d::set);
        }
        return s;
    }

    private ObjectNode schema(JavaType t, List<Annotation> annotations) {
        ObjectNode s = typeSchema(t);
        Constraints.apply(s, annotations);
        return s;
    }

    /** A property's schema: an absent {@code Optional} is left out of its object (never written as null). */
    private ObjectNode propertySchema(JavaType t, List<Annotation> annotations) {
        while (t.isReferenceType()) {
            t = t.getReferencedType();
        }
        ObjectNode s = typeSchema(t);
        Constraints.apply(s, annotations);
        return s;
    }

    private ObjectNode typeSchema(JavaType t) {
        Class<?> c = t.getRawClass();
        if (c == OptionalInt.class || c == OptionalLong.class || c == OptionalDouble.class) {
            return Scalars.of(c);
        }
        if (t.isReferenceType()) { // Optional, AtomicReference: written as null inside arrays
            return allowNull(typeSchema(t.getReferencedType()));
        }
        ObjectNode scalar = Scalars.of(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isEnum() || c.getSuperclass() != null && c.getSuperclass().isEnum()) {
            return enumSchema(c.isEnum() ? c : c.getSuperclass());
        }
        Method value = jsonValue(c);
        if (value != null) {
            return typeSchema(MAPPER.constructType(value.getGenericReturnType()));
        }
        if (t.isArrayType() || t.isCollectionLikeType()) {
            ObjectNode s = Scalars.type("array");
            s.set("items", schema(t.getContentType(), List.of()));
            if (Set.class.isAssignableFrom(c)) {
                s.put("uniqueItems", true);
            }
            return s;
        }
        if (t.isMapLikeType()) {
            ObjectNode s = Scalars.type("object");
            JavaType key = t.getKeyType();
            if (key.getRawClass().isEnum()) {
                s.set("propertyNames", enumSchema(key.getRawClass()));
            }
            s.set("additionalProperties", schema(t.getContentType(), List.of()));
            return s;
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return c == ObjectNode.class
                    ? Scalars.type("object")
                    : c == ArrayNode.class ? Scalars.type("array") : McpJson.object();
        }
        if (c == Object.class || c.isInterface() || Modifier.isAbstract(c.getModifiers()) || c.isPrimitive()) {
            return McpJson.object();
        }
        return objectSchema(t);
    }

    private static ObjectNode enumSchema(Class<?> c) {
        ArrayNode values = MAPPER.createArrayNode();
        Set<JsonNodeType> kinds = new HashSet<>();
        for (Object constant : c.getEnumConstants()) {
            JsonNode v = MAPPER.valueToTree(constant); // as Jackson writes it: @JsonValue, @JsonProperty...
            values.add(v);
            kinds.add(v.getNodeType());
        }
        ObjectNode s = McpJson.object();
        if (kinds.size() == 1 && kinds.contains(JsonNodeType.STRING)) {
            s.put("type", "string");
        } else if (kinds.size() == 1 && kinds.contains(JsonNodeType.NUMBER)) {
            s.put("type", "number");
        }
        s.set("enum", values);
        Description d = c.getAnnotation(Description.class);
        if (d != null) {
            s.put("description", d.value());
        }
        return s;
    }

    private static Method jsonValue(Class<?> c) {
        if (c.isArray() || c.isPrimitive() || c.getName().startsWith("java.")) {
            return null;
        }
        for (Method m : c.getMethods()) {
            JsonValue v = m.getAnnotation(JsonValue.class);
            if (v != null && v.value() && m.getParameterCount() == 0 && m.getReturnType() != void.class) {
                return m;
            }
        }
        return null;
    }

    private ObjectNode objectSchema(JavaType t) {
        if (t.equals(root) && stack.contains(t)) {
            return ref("#");
        }
        String name = defNames.get(t);
        if (name != null) {
            return ref("#/$defs/" + name);
        }
        if (stack.contains(t)) {
            recursive.add(t);
            return ref("#/$defs/" + defName(t));
        }
        stack.push(t);
        ObjectNode s;
        try {
            s = beanSchema(t);
        } finally {
            stack.pop();
        }
        if (recursive.contains(t) && !t.equals(root)) {
            String n = defName(t);
            defs.put(n, s);
            return ref("#/$defs/" + n);
        }
        return s;
    }

    private String defName(JavaType t) {
        return defNames.computeIfAbsent(t, k -> {
            String base = k.getRawClass().getSimpleName();
            String n = base;
            for (int i = 2; !usedNames.add(n); i++) {
                n = base + i;
            }
            return n;
        });
    }

    private static ObjectNode ref(String target) {
        ObjectNode s = McpJson.object();
        s.put("$ref", target);
        return s;
    }

    private ObjectNode beanSchema(JavaType t) {
        Class<?> c = t.getRawClass();
        BeanDescription bean = MAPPER._serializationContext().introspectBeanDescription(t);
        ObjectNode s = Scalars.type("object");
        String classDescription = classDescription(c);
        if (classDescription != null) {
            s.put("description", classDescription);
        }
        ObjectNode props = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        JsonInclude.Value classInclusion = JsonInclude.Value.from(c.getAnnotation(JsonInclude.class));
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (p.getAccessor() == null || !p.couldSerialize()) {
                continue;
            }
            List<Annotation> annotations = annotations(c, p);
            JavaType type = p.getPrimaryType();
            ObjectNode ps = propertySchema(type, annotations);
            String description = p.getMetadata().getDescription();
            if (description == null) {
                description = description(annotations);
            }
            if (description != null) {
                ps.put("description", description);
            }
            JsonInclude.Include inclusion = MAPPER.serializationConfig()
                    .getDefaultInclusion(c, type.getRawClass())
                    .withOverrides(classInclusion)
                    .withOverrides(p.findInclusion())
                    .getValueInclusion();
            boolean mayBeAbsent = optional(type, annotations) || omitsValues(inclusion);
            boolean isRequired = c.isRecord()
                    ? !mayBeAbsent
                    : !omitsValues(inclusion)
                            && (type.isPrimitive() || p.isRequired() || Constraints.required(annotations));
            if (inclusion == JsonInclude.Include.ALWAYS && !type.isPrimitive() && !isRequired) {
                ps = allowNull(ps);
            }
            props.set(p.getName(), ps);
            if (isRequired) {
                required.add(p.getName());
            }
        }
        if (required.isEmpty()) {
            s.remove("required");
        }
        return s;
    }

    private static boolean omitsValues(JsonInclude.Include inclusion) {
        return inclusion == JsonInclude.Include.NON_EMPTY
                || inclusion == JsonInclude.Include.NON_DEFAULT
                || inclusion == JsonInclude.Include.CUSTOM;
    }

    private static boolean optional(JavaType type, List<Annotation> annotations) {
        Class<?> c = type.getRawClass();
        if (type.isReferenceType() || c == OptionalInt.class || c == OptionalLong.class || c == OptionalDouble.class) {
            return true;
        }
        for (Annotation a : annotations) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode allowNull(ObjectNode s) {
        JsonNode type = s.get("type");
        if (type != null && type.isString()) {
            ArrayNode types =
                    McpJson.mapper().createArrayNode().add(type.asString()).add("null");
            s.set("type", types);
            if (s.get("enum") instanceof ArrayNode e) {
                e.addNull();
            }
            return s;
        }
        if (s.isEmpty() || type != null) {
            return s;
        }
        ObjectNode any = McpJson.object();
        any.putArray("anyOf").add(s).add(Scalars.type("null"));
        return any;
    }

    /** The annotations of a property over its field, accessor, mutator, constructor parameter and record component. */
    private static List<Annotation> annotations(Class<?> owner, BeanPropertyDefinition p) {
        Map<Class<?>, Annotation> all = new LinkedHashMap<>();
        if (owner.isRecord()) {
            for (RecordComponent rc : owner.getRecordComponents()) {
                if (rc.getName().equals(p.getInternalName())) {
                    for (Annotation a : rc.getAnnotations()) {
                        all.putIfAbsent(a.annotationType(), a);
                    }
                    for (Annotation a : rc.getAnnotatedType().getAnnotations()) {
                        all.putIfAbsent(a.annotationType(), a);
                    }
                }
            }
        }
        List<AnnotatedMember> members = new ArrayList<>();
        members.add(p.getField());
        members.add(p.getGetter());
        members.add(p.getSetter());
        members.add(p.getConstructorParameter());
        for (AnnotatedMember m : members) {
            if (m != null) {
                m.annotations().forEach(a -> all.putIfAbsent(a.annotationType(), a));
            }
        }
        return List.copyOf(all.values());
    }

    private static String description(List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a instanceof Description d) {
                return d.value();
            }
            if (a instanceof JsonPropertyDescription d) {
                return d.value();
            }
        }
        return null;
    }

    private static String classDescription(Class<?> c) {
        Description d = c.getAnnotation(Description.class);
        if (d != null) {
            return d.value();
        }
        JsonClassDescription j = c.getAnnotation(JsonClassDescription.class);
        return j != null ? j.value() : null;
    }
}
