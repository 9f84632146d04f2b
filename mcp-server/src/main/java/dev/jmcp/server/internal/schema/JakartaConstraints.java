package dev.jmcp.server.internal.schema;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Jakarta Validation to JSON Schema mapping; loaded only when the API is present ({@link Constraints}). */
final class JakartaConstraints {
    private JakartaConstraints() {}

    static boolean required(List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a instanceof NotNull || a instanceof NotEmpty || a instanceof NotBlank) {
                return true;
            }
        }
        return false;
    }

    static void apply(ObjectNode s, List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a instanceof Size z) {
                size(s, z.min(), z.max());
            } else if (a instanceof NotEmpty) {
                size(s, 1, Integer.MAX_VALUE);
            } else if (a instanceof NotBlank) {
                if (is(s, "string")) {
                    s.put("minLength", Math.max(1, s.path("minLength").asInt(0)));
                    if (!s.has("pattern")) {
                        s.put("pattern", "\\S");
                    }
                }
            } else if (a instanceof Pattern p) {
                if (is(s, "string")) {
                    s.put("pattern", "^(?:" + p.regexp() + ")$");
                }
            } else if (a instanceof Email) {
                if (is(s, "string")) {
                    s.put("format", "email");
                    if (!s.has("pattern")) { // validators often treat format as an annotation only
                        s.put("pattern", "^[^@\\s]+@[^@\\s]+$");
                    }
                }
            } else if (a instanceof Min m) {
                number(s, "minimum", BigDecimal.valueOf(m.value()));
            } else if (a instanceof Max m) {
                number(s, "maximum", BigDecimal.valueOf(m.value()));
            } else if (a instanceof DecimalMin m) {
                number(s, m.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(m.value()));
            } else if (a instanceof DecimalMax m) {
                number(s, m.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(m.value()));
            } else if (a instanceof Positive) {
                number(s, "exclusiveMinimum", BigDecimal.ZERO);
            } else if (a instanceof PositiveOrZero) {
                number(s, "minimum", BigDecimal.ZERO);
            } else if (a instanceof Negative) {
                number(s, "exclusiveMaximum", BigDecimal.ZERO);
            } else if (a instanceof NegativeOrZero) {
                number(s, "maximum", BigDecimal.ZERO);
            }
        }
    }

    private static void size(ObjectNode s, int min, int max) {
        String kind = is(s, "string") ? "Length" : is(s, "array") ? "Items" : is(s, "object") ? "Properties" : null;
        if (kind == null) {
            return;
        }
        if (min > 0) {
            s.put("min" + kind, min);
        }
        if (max < Integer.MAX_VALUE) {
            s.put("max" + kind, max);
        }
    }

    /** Sets a bound on a number, replacing a wider one the type implied (an int's range). */
    private static void number(ObjectNode s, String keyword, BigDecimal value) {
        if (!is(s, "integer") && !is(s, "number")) {
            return;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            s.put(keyword, value);
        } else {
            s.put(keyword, value.toBigIntegerExact());
        }
        if (keyword.startsWith("exclusiveMin")) {
            s.remove("minimum");
        } else if (keyword.startsWith("exclusiveMax")) {
            s.remove("maximum");
        }
    }

    private static boolean is(ObjectNode s, String type) {
        JsonNode t = s.get("type");
        if (t == null) {
            return false;
        }
        if (t.isString()) {
            return t.asString().equals(type);
        }
        for (JsonNode e : t) {
            if (e.asString().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
