package dev.jmcp.server;

import dev.jmcp.core.protocol.apps.UiVisibility;
import dev.jmcp.core.protocol.tools.ToolExecution;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a tool; register its object with {@link McpServer.Builder#handlers(Object)}. Parameters are the
 * tool's arguments (named by {@code -parameters} or {@link McpParam}; their JSON Schema comes from {@link
 * JsonSchemas}) except the injected ones: {@link RequestContext}, {@link ServerSession}, {@link
 * dev.jmcp.core.transport.AuthInfo} (null when unauthenticated), {@link dev.jmcp.core.transport.TransportMetadata},
 * {@link dev.jmcp.core.ProtocolVersion} and {@link ToolRequest}.
 *
 * <p>The method may return {@code void}, a {@link String} (a text block), a {@link
 * dev.jmcp.core.protocol.content.ContentBlock} or a list of them, a {@link
 * dev.jmcp.core.protocol.tools.CallToolResult}, any value written as a JSON object (a record, a POJO, a map: sent as
 * {@code structuredContent} with a generated {@code outputSchema} and a text copy), any other value (sent as its JSON
 * text), or a {@link java.util.concurrent.CompletionStage} of one of those. An exception becomes an {@code isError}
 * result carrying its message (never a stack trace); a {@link dev.jmcp.core.McpRpcException} is sent as the JSON-RPC
 * error it carries.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpTool {
    /**
     * The tool's name; default the method's name.
     *
     * @return the tool's name; default the method's name
     */
    String name() default "";

    /**
     * A human-readable title; default none.
     *
     * @return a human-readable title; default none
     */
    String title() default "";

    /**
     * The description; default the method's {@link Description}, else none.
     *
     * @return the description; default the method's {@link Description}, else none
     */
    String description() default "";

    /**
     * Whether the tool does not modify its environment (the {@code readOnlyHint}); default false.
     *
     * @return whether the tool does not modify its environment (the {@code readOnlyHint}); default false
     */
    boolean readOnly() default false;

    /**
     * Whether the tool may perform destructive updates (the {@code destructiveHint}); default true.
     *
     * @return whether the tool may perform destructive updates (the {@code destructiveHint}); default true
     */
    boolean destructive() default true;

    /**
     * Whether repeated calls with the same arguments have no additional effect; default false.
     *
     * @return whether repeated calls with the same arguments have no additional effect; default false
     */
    boolean idempotent() default false;

    /**
     * Whether the tool interacts with an open world of external entities; default true.
     *
     * @return whether the tool interacts with an open world of external entities; default true
     */
    boolean openWorld() default true;

    /**
     * Icon sources (https URLs or {@code data:} URIs); default none.
     *
     * @return icon sources (https URLs or {@code data:} URIs); default none
     */
    String[] icons() default {};

    /**
     * The tool's {@code _meta}, a JSON object; default none.
     *
     * @return the tool's {@code _meta}, a JSON object; default none
     */
    String meta() default "";

    /**
     * Whether the tool may be called as a task (2025-11-25 {@code execution.taskSupport}); default forbidden.
     *
     * @return whether the tool may be called as a task (2025-11-25 {@code execution.taskSupport}); default forbidden
     */
    ToolExecution.TaskSupport taskSupport() default ToolExecution.TaskSupport.FORBIDDEN;

    /**
     * The {@code ui://} URI of an MCP Apps view the tool shows ({@code _meta.ui.resourceUri}); register the view with
     * {@link McpServer.Builder#appView(AppView)}. Default none.
     *
     * @return the {@code ui://} URI of an MCP Apps view the tool shows ({@code _meta.ui.resourceUri}); register the
     *     view with {@link McpServer.Builder#appView(AppView)}
     */
    String ui() default "";

    /**
     * Who may call a tool that shows a view ({@code _meta.ui.visibility}); default (empty) both the model and the
     * view. {@code {UiVisibility.APP}} makes a tool only its view may call, hidden from clients without MCP Apps.
     *
     * @return who may call a tool that shows a view ({@code _meta.ui.visibility}); default (empty) both the model and
     *     the view
     */
    UiVisibility[] uiVisibility() default {};
}
