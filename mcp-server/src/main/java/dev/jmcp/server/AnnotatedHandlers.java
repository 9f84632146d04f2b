package dev.jmcp.server;

import dev.jmcp.server.internal.annotated.Scan;
import java.util.List;
import java.util.Objects;

/**
 * The tools, prompts, resources and resource templates of an object's annotated methods ({@link McpTool}, {@link
 * McpPrompt}, {@link McpResource}, {@link McpCompletion}), for registering them one by one through the builder's
 * usual methods. {@link McpServer.Builder#handlers(Object)} registers them all at once.
 *
 * <p>Methods are inspected once, here: calls go through method handles and prebuilt argument binders.
 *
 * @param tools the {@code @McpTool} methods
 * @param prompts the {@code @McpPrompt} methods, with their {@code @McpCompletion} methods
 * @param resources the {@code @McpResource} methods with a fixed URI
 * @param resourceTemplates the {@code @McpResource} methods with a URI template, with their completions
 */
public record AnnotatedHandlers(
        List<ServerTool> tools,
        List<ServerPrompt> prompts,
        List<ServerResource> resources,
        List<ServerResourceTemplate> resourceTemplates) {
    /**
     * Copies the lists.
     *
     * @param tools the {@code @McpTool} methods
     * @param prompts the {@code @McpPrompt} methods, with their {@code @McpCompletion} methods
     * @param resources the {@code @McpResource} methods with a fixed URI
     * @param resourceTemplates the {@code @McpResource} methods with a URI template, with their completions
     */
    public AnnotatedHandlers {
        tools = List.copyOf(tools);
        prompts = List.copyOf(prompts);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
    }

    /**
     * Inspects {@code handlers}: an object, or a {@link Class} (instantiated with its no-argument constructor when
     * it has annotated instance methods).
     *
     * @param handlers the handlers
     * @return the tools, prompts, resources and resource templates found on {@code handlers}
     * @throws IllegalArgumentException naming the class, method and parameter of a mistake (a duplicate name, an
     *     unsupported parameter type, template variables that do not match the parameters...)
     */
    public static AnnotatedHandlers of(Object handlers) {
        Scan.Result r = Scan.of(Objects.requireNonNull(handlers, "handlers"));
        return new AnnotatedHandlers(r.tools(), r.prompts(), r.resources(), r.templates());
    }
}
