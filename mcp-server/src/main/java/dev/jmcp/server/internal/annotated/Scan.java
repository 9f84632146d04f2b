package dev.jmcp.server.internal.annotated;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolAnnotations;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.AppView;
import dev.jmcp.server.CompletionHandler;
import dev.jmcp.server.CompletionRequest;
import dev.jmcp.server.Description;
import dev.jmcp.server.McpCompletion;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.PromptRequest;
import dev.jmcp.server.ResourceRequest;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.ServerResource;
import dev.jmcp.server.ServerResourceTemplate;
import dev.jmcp.server.ServerTool;
import dev.jmcp.server.ToolRequest;
import dev.jmcp.server.UriTemplate;
import dev.jmcp.server.internal.HandlerAccess;
import dev.jmcp.server.internal.schema.Property;
import dev.jmcp.server.internal.schema.SchemaGenerator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns the annotated methods of one object (or class) into server tools, prompts, resources and templates. */
public final class Scan {
    /** What one object contributes. */
    public record Result(
            List<ServerTool> tools,
            List<ServerPrompt> prompts,
            List<ServerResource> resources,
            List<ServerResourceTemplate> templates) {}

    private final Class<?> type;
    private final Object target;
    private final List<ServerTool> tools = new ArrayList<>();
    private final Map<String, PendingPrompt> prompts = new LinkedHashMap<>();
    private final List<ServerResource> resources = new ArrayList<>();
    private final Map<String, PendingTemplate> templates = new LinkedHashMap<>();

    private record PendingPrompt(
            Prompt prompt, dev.jmcp.server.PromptHandler handler, Map<String, Invoker> completions) {}

    private record PendingTemplate(
            ResourceTemplate template, dev.jmcp.server.ResourceHandler handler, Map<String, Invoker> completions) {}

    private Scan(Class<?> type, Object target) {
        this.type = type;
        this.target = target;
    }

    /**
     * Scans {@code handlers}: an object, or a class (instantiated with its no-argument constructor when it has an
     * annotated instance method).
     *
     * @throws IllegalArgumentException naming the class, method and parameter of any mistake
     */
    public static Result of(Object handlers) {
        Class<?> type = handlers instanceof Class<?> c ? c : handlers.getClass();
        List<Method> methods = annotatedMethods(type);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(
                    type.getName() + " has no method annotated @McpTool, @McpPrompt, @McpResource or @McpCompletion");
        }
        Object target = handlers instanceof Class<?> c ? instantiate(c, methods) : handlers;
        Scan scan = new Scan(type, target);
        for (Method m : methods) {
            if (m.isAnnotationPresent(McpTool.class)) {
                scan.tool(m, m.getAnnotation(McpTool.class));
            }
            if (m.isAnnotationPresent(McpPrompt.class)) {
                scan.prompt(m, m.getAnnotation(McpPrompt.class));
            }
            if (m.isAnnotationPresent(McpResource.class)) {
                scan.resource(m, m.getAnnotation(McpResource.class));
            }
        }
        for (Method m : methods) {
            if (m.isAnnotationPresent(McpCompletion.class)) {
                scan.completion(m, m.getAnnotation(McpCompletion.class));
            }
        }
        return scan.result();
    }

    /** {@code Class.method} for messages. */
    static String where(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName();
    }

    /** {@code Class.method, parameter name} for messages. */
    static String where(Method m, Parameter p) {
        return where(m) + ", parameter " + p.getName() + " (#"
                + (Arrays.asList(m.getParameters()).indexOf(p) + 1) + ")";
    }

    private static List<Method> annotatedMethods(Class<?> type) {
        List<Method> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
            for (Method m : declared) {
                if (m.isBridge() || m.isSynthetic()) {
                    continue;
                }
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                if (!seen.add(signature)) {
                    continue; // overridden in a subclass
                }
                if (m.isAnnotationPresent(McpTool.class)
                        || m.isAnnotationPresent(McpPrompt.class)
                        || m.isAnnotationPresent(McpResource.class)
                        || m.isAnnotationPresent(McpCompletion.class)) {
                    int kinds = (m.isAnnotationPresent(McpTool.class) ? 1 : 0)
                            + (m.isAnnotationPresent(McpPrompt.class) ? 1 : 0)
                            + (m.isAnnotationPresent(McpResource.class) ? 1 : 0)
                            + (m.isAnnotationPresent(McpCompletion.class) ? 1 : 0);
                    if (kinds > 1) {
                        throw new IllegalArgumentException(
                                where(m) + ": a method can be only one of tool, prompt, resource or completion");
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static Object instantiate(Class<?> c, List<Method> methods) {
        if (methods.stream().allMatch(m -> Modifier.isStatic(m.getModifiers()))) {
            return null;
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    c.getName() + ": has annotated instance methods but no no-argument constructor; register an"
                            + " instance instead");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(c.getName() + ": its no-argument constructor failed: " + cause, cause);
        }
    }

    // ---- tools ----

    private void tool(Method m, McpTool a) {
        String name = a.name().isEmpty() ? m.getName() : a.name();
        String what = "tool " + name;
        Params params = Params.of(
                m,
                ToolRequest.class,
                Params.Wire.JSON,
                (r, arg) -> ((ToolRequest) r).arguments().get(arg),
                what);
        for (ServerTool t : tools) {
            if (t.tool().name().equals(name)) {
                throw new IllegalArgumentException(where(m) + ": a second tool named \"" + name + "\"");
            }
        }
        ObjectNode input = SchemaGenerator.objectOf(
                params.args.stream().map(Params.Arg::property).collect(Collectors.toList()));
        Type result = resultType(m);
        ToolResults.Shape shape = ToolResults.shape(result);
        Tool.Builder b = Tool.builder(name, input).description(description(a.description(), m));
        if (!a.title().isEmpty()) {
            b.title(a.title());
        }
        if (shape.outputSchema() != null) {
            b.outputSchema(shape.outputSchema());
        }
        if (a.readOnly() || !a.destructive() || a.idempotent() || !a.openWorld()) {
            b.annotations(ToolAnnotations.builder()
                    .readOnlyHint(a.readOnly() ? true : null)
                    .destructiveHint(a.destructive() ? null : false)
                    .idempotentHint(a.idempotent() ? true : null)
                    .openWorldHint(a.openWorld() ? null : false)
                    .build());
        }
        if (a.taskSupport() != ToolExecution.TaskSupport.FORBIDDEN) {
            b.execution(ToolExecution.of(a.taskSupport()));
        }
        List<Icon> icons = icons(a.icons());
        if (icons != null) {
            b.icons(icons);
        }
        JsonNode meta = withView(m, a, meta(m, a.meta()));
        if (meta != null) {
            b.meta(meta);
        }
        Invoker invoker = new Invoker(m, target, params.sources);
        Tool tool = b.build();
        tools.add(new ServerTool(tool, (request, ctx) -> {
            try {
                return shape.toResult(invoker.invoke(ctx, request));
            } catch (McpRpcException e) {
                throw HandlerAccess.protocolError(e);
            }
        }));
    }

    // ---- prompts ----

    private void prompt(Method m, McpPrompt a) {
        String name = a.name().isEmpty() ? m.getName() : a.name();
        if (prompts.containsKey(name)) {
            throw new IllegalArgumentException(where(m) + ": a second prompt named \"" + name + "\"");
        }
        Params params = Params.of(
                m,
                PromptRequest.class,
                Params.Wire.STRING,
                (r, arg) -> ((PromptRequest) r).arguments().get(arg),
                "prompt " + name);
        List<PromptArgument> arguments = new ArrayList<>();
        for (Params.Arg arg : params.args) {
            Property p = arg.property();
            arguments.add(new PromptArgument(p.name(), null, p.description(), p.required()));
        }
        String description = description(a.description(), m);
        Prompt.Builder b = Prompt.builder(name).description(description);
        if (!a.title().isEmpty()) {
            b.title(a.title());
        }
        if (!arguments.isEmpty()) {
            b.arguments(arguments);
        }
        List<Icon> icons = icons(a.icons());
        if (icons != null) {
            b.icons(icons);
        }
        JsonNode meta = meta(m, a.meta());
        if (meta != null) {
            b.meta(meta);
        }
        Class<?> raw = rawResultType(m);
        if (!OtherResults.isPromptResult(raw)) {
            throw new IllegalArgumentException(where(m) + ": a prompt method returns GetPromptResult, PromptMessage,"
                    + " a List of PromptMessage, String or a ContentBlock, not "
                    + resultType(m).getTypeName());
        }
        Invoker invoker = new Invoker(m, target, params.sources);
        prompts.put(
                name,
                new PendingPrompt(
                        b.build(),
                        (request, ctx) -> OtherResults.prompt(invoker.invoke(ctx, request), description),
                        new LinkedHashMap<>()));
    }

    // ---- resources ----

    private void resource(Method m, McpResource a) {
        String name = a.name().isEmpty() ? m.getName() : a.name();
        String uri = a.uri();
        boolean template = uri.contains("{");
        String mimeType = a.mimeType().isEmpty() ? null : a.mimeType();
        Params params = Params.of(
                m,
                ResourceRequest.class,
                Params.Wire.STRING,
                (r, arg) -> ((ResourceRequest) r).variables().get(arg),
                "resource " + uri);
        String description = description(a.description(), m);
        List<Icon> icons = icons(a.icons());
        JsonNode meta = meta(m, a.meta());
        Invoker invoker = new Invoker(m, target, params.sources);
        dev.jmcp.server.ResourceHandler handler =
                (request, ctx) -> OtherResults.resource(invoker.invoke(ctx, request), request.uri(), mimeType);
        if (!template) {
            if (!params.args.isEmpty()) {
                throw new IllegalArgumentException(where(m, params.args.get(0).parameter())
                        + ": the resource URI " + uri + " has no template variables; only injected parameters are"
                        + " allowed");
            }
            for (ServerResource r : resources) {
                if (r.resource().uri().equals(uri)) {
                    throw new IllegalArgumentException(where(m) + ": a second resource with URI " + uri);
                }
            }
            Resource.Builder b =
                    Resource.builder(uri, name).description(description).mimeType(mimeType);
            if (!a.title().isEmpty()) {
                b.title(a.title());
            }
            if (icons != null) {
                b.icons(icons);
            }
            if (meta != null) {
                b.meta(meta);
            }
            resources.add(new ServerResource(b.build(), handler));
            return;
        }
        List<String> variables;
        try {
            variables = UriTemplate.parse(uri).variableNames();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(m) + ": invalid URI template " + uri + ": " + e.getMessage(), e);
        }
        Set<String> unmatched = new LinkedHashSet<>(variables);
        for (Params.Arg arg : params.args) {
            if (!unmatched.remove(arg.property().name())) {
                throw new IllegalArgumentException(where(m, arg.parameter()) + ": \""
                        + arg.property().name() + "\" is not a variable of the URI template " + uri + " (variables: "
                        + variables + ")");
            }
        }
        boolean takesRequest = Arrays.stream(m.getParameterTypes()).anyMatch(t -> t == ResourceRequest.class);
        if (!unmatched.isEmpty() && !takesRequest) {
            throw new IllegalArgumentException(where(m) + ": the URI template " + uri + " has variables " + unmatched
                    + " that match no parameter (add them, or take a ResourceRequest)");
        }
        if (templates.containsKey(uri)) {
            throw new IllegalArgumentException(where(m) + ": a second resource template " + uri);
        }
        ResourceTemplate.Builder b =
                ResourceTemplate.builder(uri, name).description(description).mimeType(mimeType);
        if (!a.title().isEmpty()) {
            b.title(a.title());
        }
        if (icons != null) {
            b.icons(icons);
        }
        if (meta != null) {
            b.meta(meta);
        }
        templates.put(uri, new PendingTemplate(b.build(), handler, new LinkedHashMap<>()));
    }

    // ---- completions ----

    private void completion(Method m, McpCompletion a) {
        boolean forPrompt = !a.prompt().isEmpty();
        if (forPrompt == !a.resourceTemplate().isEmpty()) {
            throw new IllegalArgumentException(
                    where(m) + ": @McpCompletion names exactly one of prompt or" + " resourceTemplate");
        }
        Map<String, Invoker> target;
        Set<String> names = new HashSet<>();
        if (forPrompt) {
            PendingPrompt p = prompts.get(a.prompt());
            if (p == null) {
                throw new IllegalArgumentException(
                        where(m) + ": no @McpPrompt named \"" + a.prompt() + "\" in " + type.getName());
            }
            if (p.prompt().arguments() != null) {
                p.prompt().arguments().forEach(arg -> names.add(arg.name()));
            }
            target = p.completions();
        } else {
            PendingTemplate t = templates.get(a.resourceTemplate());
            if (t == null) {
                throw new IllegalArgumentException(
                        where(m) + ": no @McpResource template \"" + a.resourceTemplate() + "\" in " + type.getName());
            }
            names.addAll(UriTemplate.parse(a.resourceTemplate()).variableNames());
            target = t.completions();
        }
        if (!names.contains(a.argument())) {
            throw new IllegalArgumentException(where(m) + ": \"" + a.argument() + "\" is not an argument of "
                    + (forPrompt ? "prompt " + a.prompt() : "template " + a.resourceTemplate()) + " " + names);
        }
        if (target.containsKey(a.argument())) {
            throw new IllegalArgumentException(where(m) + ": a second completion of \"" + a.argument() + "\"");
        }
        BiFunction<Object, String, Object> typed = (r, arg) -> ((CompletionRequest) r).value();
        Params params = Params.of(m, CompletionRequest.class, Params.Wire.STRING, typed, "completion");
        if (params.args.size() != 1 || params.args.get(0).parameter().getType() != String.class) {
            throw new IllegalArgumentException(where(m) + ": a completion method takes one String parameter (the"
                    + " value typed so far) besides injected ones");
        }
        Class<?> raw = rawResultType(m);
        if (!OtherResults.isCompletionResult(raw)) {
            throw new IllegalArgumentException(where(m) + ": a completion method returns List<String>, String[] or"
                    + " Completion, not " + resultType(m).getTypeName());
        }
        target.put(a.argument(), new Invoker(m, this.target, params.sources));
    }

    private Result result() {
        List<ServerPrompt> p = new ArrayList<>();
        prompts.values().forEach(x -> p.add(new ServerPrompt(x.prompt(), x.handler(), completions(x.completions()))));
        List<ServerResourceTemplate> t = new ArrayList<>();
        templates
                .values()
                .forEach(x ->
                        t.add(new ServerResourceTemplate(x.template(), x.handler(), completions(x.completions()))));
        return new Result(List.copyOf(tools), List.copyOf(p), List.copyOf(resources), List.copyOf(t));
    }

    private static CompletionHandler completions(Map<String, Invoker> byArgument) {
        if (byArgument.isEmpty()) {
            return null;
        }
        Map<String, Invoker> copy = Map.copyOf(byArgument);
        return (request, ctx) -> {
            Invoker i = copy.get(request.argumentName());
            return i == null ? Completion.of(List.of()) : OtherResults.completion(i.invoke(ctx, request));
        };
    }

    // ---- shared ----

    /** The declared result type, a CompletionStage's value type when asynchronous. */
    static Type resultType(Method m) {
        Type t = m.getGenericReturnType();
        if (CompletionStage.class.isAssignableFrom(m.getReturnType())) {
            return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        }
        return t;
    }

    private static Class<?> rawResultType(Method m) {
        return McpJson.mapper().constructType(resultType(m)).getRawClass();
    }

    private static String description(String explicit, Method m) {
        if (!explicit.isEmpty()) {
            return explicit;
        }
        Description d = m.getAnnotation(Description.class);
        return d != null ? d.value() : null;
    }

    private static List<Icon> icons(String[] sources) {
        if (sources.length == 0) {
            return null;
        }
        return Arrays.stream(sources).map(Icon::of).collect(Collectors.toList());
    }

    /** {@code meta} with the tool's MCP Apps view link ({@code ui}, {@code uiVisibility}) merged in. */
    private static JsonNode withView(Method m, McpTool a, JsonNode meta) {
        if (a.ui().isEmpty()) {
            if (a.uiVisibility().length > 0) {
                throw new IllegalArgumentException(where(m) + ": uiVisibility needs ui (the view's ui:// URI)");
            }
            return meta;
        }
        JsonNode link;
        try {
            link = AppView.toolMeta(a.ui(), a.uiVisibility());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(m) + ": " + e.getMessage(), e);
        }
        if (meta == null) {
            return link;
        }
        ObjectNode merged = ((ObjectNode) meta).deepCopy();
        merged.setAll((ObjectNode) link);
        return merged;
    }

    private static JsonNode meta(Method m, String json) {
        if (json.isEmpty()) {
            return null;
        }
        JsonNode n;
        try {
            n = McpJson.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where(m) + ": meta is not JSON: " + e.getMessage(), e);
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where(m) + ": meta must be a JSON object");
        }
        return n;
    }
}
