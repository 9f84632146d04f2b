package dev.jmcp.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.server.JsonSchemas;
import dev.jmcp.server.internal.Schemas;
import dev.jmcp.testsupport.Fuzz;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * For randomly composed types (scalars, enums, records, lists, sets, maps, optionals, arrays) and random values of
 * them: what Jackson writes validates against the generated schema, and the same JSON with one scalar replaced by an
 * object does not.
 */
class GeneratedTypesSchemaPropertyTest {
    private static final Schemas VALIDATOR = new Schemas(256);

    /** A generated type with a generator of its values. */
    record Gen(Type type, Function<SplittableRandom, Object> values, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A value of a generated type, and the type. */
    record Case(Gen gen, Object value) {
        @Override
        public String toString() {
            return gen + " = " + McpJson.write(value);
        }
    }

    record Pair(String label, int count) {}

    record Holder(List<Pair> pairs, Optional<String> note, JsonSchemasTest.Color color) {}

    private static ParameterizedType parameterized(Class<?> raw, Type... args) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return args.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                return raw.getSimpleName() + Arrays.toString(args);
            }
        };
    }

    private static final List<Gen> SCALARS = List.of(
            new Gen(String.class, GeneratedTypesSchemaPropertyTest::text, "String"),
            new Gen(Integer.class, SplittableRandom::nextInt, "Integer"),
            new Gen(Long.class, SplittableRandom::nextLong, "Long"),
            new Gen(Boolean.class, SplittableRandom::nextBoolean, "Boolean"),
            new Gen(Double.class, r -> r.nextDouble(-1e9, 1e9), "Double"),
            new Gen(BigDecimal.class, r -> BigDecimal.valueOf(r.nextLong(), r.nextInt(6)), "BigDecimal"),
            new Gen(BigInteger.class, r -> BigInteger.valueOf(r.nextLong()).shiftLeft(r.nextInt(80)), "BigInteger"),
            new Gen(UUID.class, r -> new UUID(r.nextLong(), r.nextLong()), "UUID"),
            new Gen(LocalDate.class, r -> LocalDate.ofEpochDay(r.nextLong(-50_000, 50_000)), "LocalDate"),
            new Gen(Instant.class, r -> Instant.ofEpochMilli(r.nextLong(-1L << 40, 1L << 40)), "Instant"),
            new Gen(URI.class, r -> URI.create("urn:x:" + r.nextInt(1000)), "URI"),
            new Gen(JsonSchemasTest.Level.class, r -> JsonSchemasTest.Level.values()[r.nextInt(2)], "Level"),
            new Gen(Pair.class, r -> new Pair(text(r), r.nextInt()), "Pair"),
            new Gen(
                    Holder.class,
                    r -> new Holder(
                            List.of(new Pair(text(r), r.nextInt())),
                            r.nextBoolean() ? Optional.of(text(r)) : Optional.empty(),
                            JsonSchemasTest.Color.values()[r.nextInt(2)]),
                    "Holder"));

    private static Gen gen(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return SCALARS.get(r.nextInt(SCALARS.size()));
        }
        Gen inner = gen(r, depth - 1);
        switch (r.nextInt(5)) {
            case 0:
                return new Gen(
                        parameterized(List.class, inner.type()),
                        v -> {
                            List<Object> list = new ArrayList<>();
                            for (int i = v.nextInt(4); i > 0; i--) {
                                list.add(inner.values().apply(v));
                            }
                            return list;
                        },
                        "List<" + inner + ">");
            case 1:
                return new Gen(
                        parameterized(Map.class, String.class, inner.type()),
                        v -> {
                            Map<String, Object> map = new LinkedHashMap<>();
                            for (int i = v.nextInt(4); i > 0; i--) {
                                map.put(text(v), inner.values().apply(v));
                            }
                            return map;
                        },
                        "Map<String," + inner + ">");
            case 2:
                return new Gen(
                        parameterized(Optional.class, inner.type()),
                        v -> v.nextBoolean() ? Optional.of(inner.values().apply(v)) : Optional.empty(),
                        "Optional<" + inner + ">");
            case 3:
                return new Gen(
                        parameterized(Set.class, String.class),
                        v -> {
                            Set<String> set = new LinkedHashSet<>();
                            for (int i = v.nextInt(4); i > 0; i--) {
                                set.add(text(v));
                            }
                            return set;
                        },
                        "Set<String>");
            default:
                if (!(inner.type() instanceof Class<?> component)) {
                    return inner;
                }
                return new Gen(
                        java.lang.reflect.Array.newInstance(component, 0).getClass(),
                        v -> {
                            int n = v.nextInt(4);
                            Object array = java.lang.reflect.Array.newInstance(component, n);
                            for (int i = 0; i < n; i++) {
                                java.lang.reflect.Array.set(
                                        array, i, inner.values().apply(v));
                            }
                            return array;
                        },
                        inner + "[]");
        }
    }

    private static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            sb.appendCodePoint(r.nextInt(5) == 0 ? 0x80 + r.nextInt(0x2000) : 'a' + r.nextInt(26));
        }
        return sb.toString();
    }

    @Test
    void whatJacksonWritesForGeneratedTypesValidatesAndAWrongScalarDoesNot() {
        Fuzz.run(
                "generated types",
                r -> {
                    Gen g = gen(r, 3);
                    return new Case(g, g.values().apply(r));
                },
                c -> {
                    ObjectNode schema = JsonSchemas.schemaOf(c.gen().type());
                    assertThat(schema.toString())
                            .isEqualTo(JsonSchemas.schemaOf(c.gen().type()).toString());
                    JsonNode json = McpJson.toTree(c.value());
                    assertThat(VALIDATOR.validate("generated", schema, json))
                            .as(schema.toString())
                            .isEmpty();
                    JsonNode broken = json.deepCopy();
                    if (replaceAScalar(broken, new SplittableRandom(json.hashCode()))) {
                        assertThat(VALIDATOR.validate("generated", schema, broken))
                                .as(schema + " accepted " + broken)
                                .isNotEmpty();
                    }
                });
    }

    /** Replaces one scalar inside a container with an object; false when there is none. */
    private static boolean replaceAScalar(JsonNode node, SplittableRandom r) {
        List<Runnable> replacements = new ArrayList<>();
        collect(node, replacements);
        if (replacements.isEmpty()) {
            return false;
        }
        replacements.get(r.nextInt(replacements.size())).run();
        return true;
    }

    private static void collect(JsonNode node, List<Runnable> out) {
        if (node instanceof ObjectNode o) {
            for (String name : new ArrayList<>(o.propertyNames())) {
                JsonNode child = o.get(name);
                if (child.isValueNode() && !child.isNull()) {
                    out.add(() -> o.putObject(name).put("x", 1));
                } else {
                    collect(child, out);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode child = a.get(i);
                int index = i;
                if (child.isValueNode() && !child.isNull()) {
                    out.add(() -> a.set(index, McpJson.object().put("x", 1)));
                } else {
                    collect(child, out);
                }
            }
        }
    }
}
