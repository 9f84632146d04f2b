package dev.jmcp.server.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jmcp.core.McpJson;
import dev.jmcp.server.Description;
import dev.jmcp.server.JsonSchemas;
import dev.jmcp.server.internal.Schemas;
import dev.jmcp.testsupport.Fuzz;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonSchemasTest {
    private static final Schemas VALIDATOR = new Schemas(32);

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @interface Nullable {}

    enum Color {
        RED,
        GREEN
    }

    enum Level {
        LOW("low"),
        HIGH("high");

        private final String code;

        Level(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    record Address(@NotBlank String street, @Size(min = 5, max = 5) @Pattern(regexp = "[0-9]+") String zip) {}

    record Order(
            @Description("the order id") UUID id,
            @Min(1) @Max(100) int quantity,
            @Positive BigDecimal price,
            BigInteger big,
            Color color,
            Level level,
            Optional<String> note,
            @Nullable String comment,
            List<Address> addresses,
            Set<String> tags,
            Map<String, Integer> counts,
            Instant at,
            LocalDate day,
            LocalDateTime local,
            LocalTime time,
            OffsetDateTime offset,
            Duration duration,
            URI link,
            @Email String email,
            @Size(max = 3) List<String> shortList,
            double ratio,
            long count,
            boolean flag,
            char letter,
            byte[] data,
            String[] names,
            @JsonProperty("renamed") String original,
            Year year,
            YearMonth month) {}

    /** A POJO: properties are what Jackson sees. */
    public static final class Account {
        private String name;
        private int age;
        private String secret;
        private String nickname;
        private String email;

        @JsonPropertyDescription("the account holder")
        public String getName() {
            return name;
        }

        public int getAge() {
            return age;
        }

        @JsonIgnore
        public String getSecret() {
            return secret;
        }

        @JsonInclude(JsonInclude.Include.ALWAYS)
        public String getNickname() {
            return nickname;
        }

        @NotNull
        @Email
        public String getEmail() {
            return email;
        }
    }

    record Node(String name, List<Node> children) {}

    record Forest(Node first, Optional<Node> second, Map<String, Node> byName) {}

    @Test
    void recordComponentsMapToTypedFormattedAndConstrainedProperties() {
        ObjectNode s = JsonSchemas.objectSchemaOf(Order.class);
        JsonNode p = s.get("properties");
        assertThat(s.get("type").asString()).isEqualTo("object");
        assertThat(p.get("id").toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"uuid\",\"description\":\"the order id\"}");
        assertThat(p.get("quantity").toString()).isEqualTo("{\"type\":\"integer\",\"minimum\":1,\"maximum\":100}");
        assertThat(p.get("price").toString()).isEqualTo("{\"type\":\"number\",\"exclusiveMinimum\":0}");
        assertThat(p.get("big").toString()).isEqualTo("{\"type\":\"integer\"}");
        assertThat(p.get("color").toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}");
        assertThat(p.get("level").toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"low\",\"high\"]}");
        assertThat(p.get("note").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(p.get("tags").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}");
        assertThat(p.get("counts").get("additionalProperties").get("type").asString())
                .isEqualTo("integer");
        assertThat(p.get("at").get("format").asString()).isEqualTo("date-time");
        assertThat(p.get("offset").get("format").asString()).isEqualTo("date-time");
        assertThat(p.get("day").get("format").asString()).isEqualTo("date");
        assertThat(p.get("duration").get("format").asString()).isEqualTo("duration");
        assertThat(p.get("link").get("format").asString()).isEqualTo("uri");
        assertThat(p.get("email").get("format").asString()).isEqualTo("email");
        assertThat(p.get("shortList").get("maxItems").asInt()).isEqualTo(3);
        assertThat(p.get("data").toString()).isEqualTo("{\"type\":\"string\",\"contentEncoding\":\"base64\"}");
        assertThat(p.get("names").get("type").asString()).isEqualTo("array");
        assertThat(p.get("year").get("type").asString()).isEqualTo("integer");
        assertThat(p.has("renamed")).isTrue();
        assertThat(p.has("original")).isFalse();
        JsonNode address = p.get("addresses").get("items");
        assertThat(address.get("properties").get("zip").get("pattern").asString())
                .isEqualTo("^(?:[0-9]+)$");
        assertThat(address.get("properties").get("street").get("minLength").asInt())
                .isEqualTo(1);
        assertThat(names(s.get("required"))).doesNotContain("note", "comment").contains("id", "quantity", "renamed");
    }

    @Test
    void pojoPropertiesFollowJacksonVisibilityAnnotationsAndInclusion() {
        ObjectNode s = JsonSchemas.objectSchemaOf(Account.class);
        JsonNode p = s.get("properties");
        assertThat(names(p)).containsExactlyInAnyOrder("name", "age", "nickname", "email");
        assertThat(p.get("name").get("description").asString()).isEqualTo("the account holder");
        assertThat(p.get("nickname").get("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(names(s.get("required"))).containsExactlyInAnyOrder("age", "email");
        Account a = new Account();
        a.age = 3;
        a.email = "a@example.com";
        assertThat(validate(s, a)).isEmpty();
        a.email = null;
        assertThat(validate(s, a)).isNotEmpty();
    }

    @Test
    void recursiveTypesUseLocalReferencesOnly() {
        ObjectNode node = JsonSchemas.objectSchemaOf(Node.class);
        assertThat(node.get("properties").get("children").get("items").toString())
                .isEqualTo("{\"$ref\":\"#\"}");
        ObjectNode forest = JsonSchemas.objectSchemaOf(Forest.class);
        assertThat(forest.get("properties").get("first").toString()).isEqualTo("{\"$ref\":\"#/$defs/Node\"}");
        assertThat(forest.get("$defs")
                        .get("Node")
                        .get("properties")
                        .get("children")
                        .get("items")
                        .toString())
                .isEqualTo("{\"$ref\":\"#/$defs/Node\"}");
        Node tree = new Node("a", List.of(new Node("b", List.of(new Node("c", List.of())))));
        assertThat(validate(node, tree)).isEmpty();
        assertThat(validate(forest, new Forest(tree, Optional.of(tree), Map.of("t", tree))))
                .isEmpty();
        assertThat(validate(forest, Map.of("first", Map.of("name", "x", "children", List.of(Map.of("name", 1))))))
                .isNotEmpty();
    }

    @Test
    void schemasArePortableAndStable() {
        for (Class<?> type : List.of(Order.class, Account.class, Node.class, Forest.class)) {
            ObjectNode s = JsonSchemas.objectSchemaOf(type);
            assertThat(s.toString()).isEqualTo(JsonSchemas.objectSchemaOf(type).toString());
            assertPortable(s);
        }
    }

    @Test
    void aTypeThatIsNotAnObjectCannotBeAToolSchema() {
        assertThat(JsonSchemas.schemaOf(String.class).toString()).isEqualTo("{\"type\":\"string\"}");
        assertThatThrownBy(() -> JsonSchemas.objectSchemaOf(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void whatJacksonWritesValidatesAndBrokenConstraintsDoNot() {
        ObjectNode schema = JsonSchemas.objectSchemaOf(Order.class);
        Fuzz.run("valid orders", r -> order(r, -1), order -> assertThat(validate(schema, order))
                .isEmpty());
        Fuzz.run("orders breaking one constraint", r -> order(r, r.nextInt(BROKEN_KINDS)), order -> assertThat(
                        validate(schema, order))
                .isNotEmpty());
    }

    private static final int BROKEN_KINDS = 7;

    private static Order order(SplittableRandom r, int broken) {
        List<Address> addresses = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            addresses.add(new Address("street " + r.nextInt(100), String.format("%05d", r.nextInt(100_000))));
        }
        if (broken == 0) {
            addresses.add(new Address(" \t", "12345"));
        } else if (broken == 1) {
            addresses.add(new Address("main", "12a45"));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            tags.add(text(r));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            counts.put(text(r), r.nextInt());
        }
        List<String> shortList = new ArrayList<>();
        for (int i = broken == 2 ? 4 : r.nextInt(4); i > 0; i--) {
            shortList.add(text(r));
        }
        int quantity = broken == 3 ? (r.nextBoolean() ? 0 : 101 + r.nextInt(1000)) : 1 + r.nextInt(100);
        BigDecimal price = broken == 4
                ? BigDecimal.valueOf(-r.nextInt(1000), 2)
                : BigDecimal.valueOf(1 + r.nextInt(1_000_000), r.nextInt(4));
        long seconds = r.nextLong(-10_000_000_000L, 10_000_000_000L);
        Instant at = Instant.ofEpochSecond(seconds, r.nextInt(1_000_000_000));
        return new Order(
                new UUID(r.nextLong(), r.nextLong()),
                quantity,
                price,
                BigInteger.valueOf(r.nextLong()).multiply(BigInteger.valueOf(r.nextLong())),
                r.nextBoolean() ? Color.RED : Color.GREEN,
                r.nextBoolean() ? Level.LOW : Level.HIGH,
                r.nextBoolean() ? Optional.of(text(r)) : Optional.empty(),
                r.nextBoolean() ? text(r) : null,
                addresses,
                tags,
                counts,
                at,
                LocalDate.ofEpochDay(r.nextLong(-100_000, 100_000)),
                LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC),
                LocalTime.ofSecondOfDay(r.nextInt(86_400)),
                OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(r.nextInt(-12, 13))),
                Duration.ofMillis(r.nextLong(0, 1_000_000_000L)),
                URI.create("https://example.com/" + r.nextInt(1000)),
                broken == 5 ? "user" + r.nextInt(100) + ".example.com" : "user" + r.nextInt(100) + "@example.com",
                shortList,
                r.nextDouble() * 1e6,
                r.nextLong(),
                r.nextBoolean(),
                (char) ('a' + r.nextInt(26)),
                new byte[r.nextInt(8)],
                new String[] {text(r)},
                broken == 6 ? null : text(r),
                Year.of(r.nextInt(1, 9999)),
                YearMonth.of(r.nextInt(1, 9999), r.nextInt(1, 13)));
    }

    private static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(10); i >= 0; i--) {
            sb.appendCodePoint(r.nextInt(4) == 0 ? 0x20 + r.nextInt(0x3000) : 'a' + r.nextInt(26));
        }
        return sb.toString();
    }

    private static List<String> validate(ObjectNode schema, Object value) {
        return VALIDATOR.validate("test", schema, McpJson.toTree(value));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else {
            out.addAll(node.propertyNames());
        }
        return out;
    }

    private static final Set<String> KEYWORDS = Set.of(
            "type",
            "properties",
            "required",
            "items",
            "additionalProperties",
            "enum",
            "format",
            "pattern",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "uniqueItems",
            "description",
            "$ref",
            "$defs",
            "anyOf",
            "contentEncoding",
            "propertyNames");

    private static void assertPortable(JsonNode s) {
        s.properties().forEach(e -> {
            assertThat(KEYWORDS).contains(e.getKey());
            switch (e.getKey()) {
                case "properties", "$defs" -> e.getValue().properties().forEach(p -> assertPortable(p.getValue()));
                case "items", "additionalProperties", "propertyNames" -> assertPortable(e.getValue());
                case "anyOf" -> e.getValue().forEach(JsonSchemasTest::assertPortable);
                case "$ref" -> assertThat(e.getValue().asString()).startsWith("#");
                default -> {}
            }
        });
    }
}
