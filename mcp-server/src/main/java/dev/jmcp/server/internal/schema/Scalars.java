package dev.jmcp.server.internal.schema;

import dev.jmcp.core.McpJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TimeZone;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Schemas of the JSON scalars Jackson writes for the JDK's value types. */
final class Scalars {
    private static final String LOCAL_TIME = "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$";

    private Scalars() {}

    /** The schema of {@code c} when Jackson writes it as a scalar, or null. */
    static ObjectNode of(Class<?> c) {
        if (c == String.class || c == CharSequence.class) {
            return type("string");
        }
        if (c == char.class || c == Character.class) {
            ObjectNode s = type("string");
            s.put("minLength", 1);
            s.put("maxLength", 1);
            return s;
        }
        if (c == boolean.class || c == Boolean.class) {
            return type("boolean");
        }
        if (c == byte.class || c == Byte.class) {
            return integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (c == short.class || c == Short.class) {
            return integer(Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (c == int.class
                || c == Integer.class
                || c == OptionalInt.class
                || c == long.class
                || c == Long.class
                || c == OptionalLong.class
                || c == BigInteger.class) {
            return type("integer"); // no range keywords: they would only add noise to every int
        }
        if (c == float.class
                || c == Float.class
                || c == double.class
                || c == Double.class
                || c == OptionalDouble.class
                || c == BigDecimal.class
                || c == Number.class) {
            return type("number");
        }
        if (c == byte[].class) {
            ObjectNode s = type("string");
            s.put("contentEncoding", "base64");
            return s;
        }
        if (c == UUID.class) {
            return format("uuid");
        }
        if (c == URI.class || c == URL.class) {
            return format("uri");
        }
        return time(c);
    }

    private static ObjectNode time(Class<?> c) {
        if (c == Instant.class
                || c == OffsetDateTime.class
                || c == ZonedDateTime.class
                || c == Date.class
                || Calendar.class.isAssignableFrom(c)) {
            return format("date-time");
        }
        if (c == LocalDate.class) {
            return format("date");
        }
        if (c == OffsetTime.class) {
            return format("time");
        }
        if (c == Duration.class) {
            return format("duration");
        }
        if (c == LocalDateTime.class) {
            return pattern("^-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
        }
        if (c == LocalTime.class) {
            return pattern(LOCAL_TIME);
        }
        if (c == YearMonth.class) {
            return pattern("^-?\\d{4,}-\\d{2}$");
        }
        if (c == MonthDay.class) {
            return pattern("^--\\d{2}-\\d{2}$");
        }
        if (c == Year.class) {
            return type("integer");
        }
        if (c == Period.class
                || ZoneId.class.isAssignableFrom(c)
                || c == TimeZone.class
                || TimeZone.class.isAssignableFrom(c)
                || c == Locale.class
                || c == Currency.class
                || Charset.class.isAssignableFrom(c)
                || c == java.util.regex.Pattern.class
                || Path.class.isAssignableFrom(c)
                || c == java.io.File.class
                || c == Class.class) {
            return type("string");
        }
        return null;
    }

    static ObjectNode type(String type) {
        ObjectNode s = McpJson.object();
        s.put("type", type);
        return s;
    }

    private static ObjectNode integer(long min, long max) {
        ObjectNode s = type("integer");
        s.put("minimum", min);
        s.put("maximum", max);
        return s;
    }

    private static ObjectNode format(String format) {
        ObjectNode s = type("string");
        s.put("format", format);
        return s;
    }

    private static ObjectNode pattern(String pattern) {
        ObjectNode s = type("string");
        s.put("pattern", pattern);
        return s;
    }
}
