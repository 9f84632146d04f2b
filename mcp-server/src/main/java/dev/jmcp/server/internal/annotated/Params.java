package dev.jmcp.server.internal.annotated;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
import dev.jmcp.server.Description;
import dev.jmcp.server.McpParam;
import dev.jmcp.server.RequestContext;
import dev.jmcp.server.ServerSession;
import dev.jmcp.server.internal.HandlerAccess;
import dev.jmcp.server.internal.schema.Property;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.JsonNodeFactory;

/** The parameters of one handler method: injected ones and named arguments, with how each is bound. */
final class Params {
    /** One named argument. */
    record Arg(String name, Parameter parameter, Property property) {}

    /** Where a named argument's value comes from in the kind's request: JSON (tools) or a string. */
    enum Wire {
        JSON,
        STRING
    }

    final List<ArgSource> sources = new ArrayList<>();
    final List<Arg> args = new ArrayList<>();

    private Params() {}

    /**
     * Analyses {@code method}'s parameters.
     *
     * @param requestType the kind's request view, injected when a parameter has that type
     * @param wire how arguments arrive
     * @param lookup the value of a named argument in a request (a JsonNode or a String), or null when absent
     * @param what the handler's kind and name for error messages, e.g. {@code tool add}
     */
    static Params of(
            Method method, Class<?> requestType, Wire wire, BiFunction<Object, String, Object> lookup, String what) {
        Params p = new Params();
        for (Parameter parameter : method.getParameters()) {
            ArgSource injected = injected(parameter, requestType);
            if (injected != null) {
                p.sources.add(injected);
                continue;
            }
            McpParam explicit = parameter.getAnnotation(McpParam.class);
            String name = explicit != null && !explicit.name().isEmpty() ? explicit.name() : parameter.getName();
            if ((explicit == null || explicit.name().isEmpty()) && !parameter.isNamePresent()) {
                throw new IllegalArgumentException(Scan.where(method, parameter)
                        + ": the parameter has no name; compile with -parameters or annotate it"
                        + " @McpParam(name = \"...\")");
            }
            for (Arg a : p.args) {
                if (a.name().equals(name)) {
                    throw new IllegalArgumentException(
                            Scan.where(method, parameter) + ": two parameters are named \"" + name + "\"");
                }
            }
            Type type = parameter.getParameterizedType();
            JavaType javaType = McpJson.mapper().constructType(type);
            String unsupported = wire == Wire.JSON ? unsupportedJson(javaType) : unsupportedString(javaType);
            if (unsupported != null) {
                throw new IllegalArgumentException(Scan.where(method, parameter) + ": unsupported parameter type "
                        + type.getTypeName() + " (" + unsupported + ")");
            }
            List<Annotation> annotations = new ArrayList<>(List.of(parameter.getAnnotations()));
            annotations.addAll(List.of(parameter.getAnnotatedType().getAnnotations()));
            boolean optional = isOptional(javaType) || nullable(annotations);
            boolean required = !optional && (explicit == null || explicit.required());
            String description = explicit != null && !explicit.description().isEmpty()
                    ? explicit.description()
                    : parameter.isAnnotationPresent(Description.class)
                            ? parameter.getAnnotation(Description.class).value()
                            : null;
            p.args.add(new Arg(name, parameter, new Property(name, type, annotations, description, required)));
            p.sources.add(binder(name, javaType, wire, lookup, what));
        }
        return p;
    }

    private static ArgSource injected(Parameter parameter, Class<?> requestType) {
        Class<?> c = parameter.getType();
        if (c == RequestContext.class) {
            return (ctx, r) -> ctx;
        }
        if (c == ServerSession.class) {
            return (ctx, r) -> HandlerAccess.session(ctx);
        }
        if (c == AuthInfo.class) {
            return (ctx, r) -> ctx.authInfo().orElse(null);
        }
        if (c == Optional.class
                && parameter.getParameterizedType() instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] == AuthInfo.class) {
            return (ctx, r) -> ctx.authInfo();
        }
        if (c == TransportMetadata.class) {
            return (ctx, r) -> ctx.transport();
        }
        if (c == ProtocolVersion.class) {
            return (ctx, r) -> ctx.protocolVersion();
        }
        if (c == requestType) {
            return (ctx, r) -> r;
        }
        return null;
    }

    private static ArgSource binder(
            String name, JavaType type, Wire wire, BiFunction<Object, String, Object> lookup, String what) {
        Object absent = absent(type.getRawClass());
        ObjectReader reader = McpJson.mapper().readerFor(type);
        boolean plainString = type.getRawClass() == String.class;
        DirectRead direct = DirectRead.of(type);
        return (ctx, request) -> {
            Object raw = lookup.apply(request, name);
            if (raw == null || raw instanceof JsonNode n && n.isNull()) {
                return absent;
            }
            if (plainString && raw instanceof String s) {
                return s;
            }
            JsonNode node = raw instanceof JsonNode n ? n : JsonNodeFactory.instance.stringNode((String) raw);
            if (direct != null) {
                Object value = direct.read(node);
                if (value != null) {
                    return value;
                }
            }
            try {
                return reader.readValue(node);
            } catch (JacksonException e) {
                throw HandlerAccess.invalidParams(
                        "Invalid argument \"" + name + "\" for " + what + ": " + e.getOriginalMessage());
            }
        };
    }

    private static Object absent(Class<?> c) {
        if (c == Optional.class) {
            return Optional.empty();
        }
        if (c == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (c == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (c == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        return c.isPrimitive() ? Array.get(Array.newInstance(c, 1), 0) : null;
    }

    private static boolean isOptional(JavaType t) {
        Class<?> c = t.getRawClass();
        return c == Optional.class || c == OptionalInt.class || c == OptionalLong.class || c == OptionalDouble.class;
    }

    private static boolean nullable(List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    /** Why a JSON argument cannot have this type, or null. */
    private static String unsupportedJson(JavaType t) {
        Class<?> c = t.getRawClass();
        if (t.isReferenceType()) {
            return unsupportedJson(t.getReferencedType());
        }
        if (t.isContainerType()) {
            return t.getContentType() == null ? null : unsupportedJson(t.getContentType());
        }
        if (c.isPrimitive()
                || c == Object.class
                || JsonNode.class.isAssignableFrom(c)
                || CharSequence.class.isAssignableFrom(c)
                || Number.class.isAssignableFrom(c)
                || c.isEnum()) {
            return null;
        }
        if (c.isInterface() || java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
            return "an interface or abstract class cannot be bound from JSON";
        }
        if (c == Thread.class
                || c.getName().startsWith("java.io.")
                || c.getName().startsWith("java.util.concurrent.")) {
            return "not a JSON value";
        }
        return null;
    }

    /** Why a string argument cannot have this type, or null. */
    private static String unsupportedString(JavaType t) {
        Class<?> c = t.getRawClass();
        if (c == Optional.class) {
            return unsupportedString(t.getReferencedType());
        }
        if (c == String.class
                || c.isPrimitive()
                || c == Boolean.class
                || c == Character.class
                || Number.class.isAssignableFrom(c) && c.getName().startsWith("java.")
                || c == BigDecimal.class
                || c == BigInteger.class
                || c.isEnum()
                || c == UUID.class
                || c == URI.class
                || c == OptionalInt.class
                || c == OptionalLong.class
                || c == OptionalDouble.class
                || c.getName().startsWith("java.time.")) {
            return null;
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) || c.isArray()) {
            return "arguments of prompts and resource templates are single strings";
        }
        return "arguments of prompts and resource templates are strings: use String, a number, a boolean, an enum,"
                + " UUID, URI or a java.time type";
    }
}
