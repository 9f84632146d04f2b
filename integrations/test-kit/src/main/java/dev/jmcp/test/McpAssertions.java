package dev.jmcp.test;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Fluent assertions for MCP results, usable next to AssertJ (the entry points have their own names):
 *
 * <pre>{@code
 * assertToolResult(client.callTool("add", Map.of("a", 2, "b", 3))).isSuccess().hasText("5");
 * assertToolResult(client.callTool("forecast", Map.of("city", "Rome")))
 *         .hasStructuredContent("{\"city\":\"Rome\",\"sky\":\"sunny\",\"celsius\":16.0}");
 * assertResource(client.readResource("notes://all")).hasText("milk");
 * assertPrompt(client.getPrompt("plan_day", Map.of("city", "Lima"))).hasMessages(1).hasTextContaining("Lima");
 * assertNotifications(notifications).awaitProgress(3, Duration.ofSeconds(5)).awaitToolListChanged(Duration.ofSeconds(5));
 * }</pre>
 *
 * A failed assertion throws {@link AssertionError} naming what was expected and showing the actual result.
 */
public final class McpAssertions {
    private McpAssertions() {}

    /**
     * Assertions on a {@code tools/call} result.
     *
     * @param actual the actual
     * @return assertions on a {@code tools/call} result
     */
    public static ToolResultAssert assertToolResult(CallToolResult actual) {
        return new ToolResultAssert(Objects.requireNonNull(actual, "actual"));
    }

    /**
     * Assertions on a {@code resources/read} result.
     *
     * @param actual the actual
     * @return assertions on a {@code resources/read} result
     */
    public static ResourceAssert assertResource(ReadResourceResult actual) {
        return new ResourceAssert(Objects.requireNonNull(actual, "actual"));
    }

    /**
     * Assertions on a {@code prompts/get} result.
     *
     * @param actual the actual
     * @return assertions on a {@code prompts/get} result
     */
    public static PromptAssert assertPrompt(GetPromptResult actual) {
        return new PromptAssert(Objects.requireNonNull(actual, "actual"));
    }

    /**
     * Assertions on the notifications a client received; each waits, at most its timeout, for the expected
     * notification and fails naming everything that arrived.
     *
     * @param actual the actual
     * @return assertions on the notifications a client received; each waits, at most its timeout, for the expected
     *     notification and fails naming everything that arrived
     */
    public static NotificationsAssert assertNotifications(McpNotifications actual) {
        return new NotificationsAssert(Objects.requireNonNull(actual, "actual"));
    }

    private static AssertionError failure(String expectation, Object actual) {
        return new AssertionError("expected " + expectation + ", but was:\n  " + McpJson.write(actual));
    }

    private static String texts(List<ContentBlock> content) {
        return content.stream()
                .filter(TextContent.class::isInstance)
                .map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    /** Assertions on a tool result; each returns this assertion for chaining. */
    public static final class ToolResultAssert {
        private final CallToolResult actual;

        private ToolResultAssert(CallToolResult actual) {
            this.actual = actual;
        }

        /**
         * The result is not an error ({@code isError} absent or false).
         *
         * @return this assertion, for chaining
         */
        public ToolResultAssert isSuccess() {
            if (actual.failed()) {
                throw failure("a successful tool result", actual);
            }
            return this;
        }

        /**
         * The result is a tool error ({@code isError: true}).
         *
         * @return this assertion, for chaining
         */
        public ToolResultAssert isError() {
            if (!actual.failed()) {
                throw failure("a tool error (isError: true)", actual);
            }
            return this;
        }

        /**
         * The text of the text content blocks (joined with newlines) equals {@code expected}.
         *
         * @param expected the text of the text content blocks (joined with newlines) equals {@code expected}
         * @return this assertion, for chaining
         */
        public ToolResultAssert hasText(String expected) {
            if (!texts(actual.content()).equals(expected)) {
                throw failure("text \"" + expected + "\"", actual);
            }
            return this;
        }

        /**
         * The text of the text content blocks contains {@code part}.
         *
         * @param part the text of the text content blocks contains {@code part}
         * @return this assertion, for chaining
         */
        public ToolResultAssert hasTextContaining(String part) {
            if (!texts(actual.content()).contains(part)) {
                throw failure("text containing \"" + part + "\"", actual);
            }
            return this;
        }

        /**
         * The content blocks have exactly these types, in order (e.g. {@code "text", "image"}).
         *
         * @param types the content blocks have exactly these types, in order (e.g. {@code "text", "image"})
         * @return this assertion, for chaining
         */
        public ToolResultAssert hasContentTypes(String... types) {
            List<String> actualTypes =
                    actual.content().stream().map(ContentBlock::type).toList();
            if (!actualTypes.equals(List.of(types))) {
                throw failure("content types " + List.of(types), actual);
            }
            return this;
        }

        /**
         * The structured content equals the JSON value {@code json} (numbers compared by value).
         *
         * @param json the JSON
         * @return this assertion, for chaining
         */
        public ToolResultAssert hasStructuredContent(String json) {
            return hasStructuredContentTree(McpJson.parse(json), json);
        }

        /**
         * The structured content equals {@code value} (a record, map or list) serialized to JSON.
         *
         * @param value the value
         * @return this assertion, for chaining
         */
        public ToolResultAssert hasStructuredContent(Object value) {
            JsonNode expected = McpJson.toTree(value);
            return hasStructuredContentTree(expected, McpJson.write(expected));
        }

        /**
         * The structured content, read as {@code type} (e.g. the tool's record), equals {@code expected}.
         *
         * @param type the type
         * @param expected the expected
         * @param <T> the type to read the structured content as
         * @return this assertion, for chaining
         */
        public <T> ToolResultAssert hasStructuredContent(Class<T> type, T expected) {
            if (actual.structuredContent() == null
                    || !Objects.equals(McpJson.fromTree(actual.structuredContent(), type), expected)) {
                throw failure("structured content " + expected, actual);
            }
            return this;
        }

        private ToolResultAssert hasStructuredContentTree(JsonNode expected, String shown) {
            JsonNode structured = actual.structuredContent();
            if (structured == null || !sameJson(structured, expected)) {
                throw failure("structured content " + shown, actual);
            }
            return this;
        }

        /**
         * The result itself, for assertions this class does not have.
         *
         * @return the result itself, for assertions this class does not have
         */
        public CallToolResult actual() {
            return actual;
        }
    }

    /** Assertions on the contents of a read resource. */
    public static final class ResourceAssert {
        private final ReadResourceResult actual;

        private ResourceAssert(ReadResourceResult actual) {
            this.actual = actual;
        }

        /**
         * The first contents item is text equal to {@code expected}.
         *
         * @param expected the first contents item is text equal to {@code expected}
         * @return this assertion, for chaining
         */
        public ResourceAssert hasText(String expected) {
            if (!(first() instanceof TextResourceContents text) || !text.text().equals(expected)) {
                throw failure("text contents \"" + expected + "\"", actual);
            }
            return this;
        }

        /**
         * The first contents item has the MIME type {@code expected}.
         *
         * @param expected the first contents item has the MIME type {@code expected}
         * @return this assertion, for chaining
         */
        public ResourceAssert hasMimeType(String expected) {
            ResourceContents first = first();
            String mimeType = first instanceof TextResourceContents text
                    ? text.mimeType()
                    : McpJson.toTree(first).path("mimeType").asString(null);
            if (!Objects.equals(mimeType, expected)) {
                throw failure("MIME type " + expected, actual);
            }
            return this;
        }

        private ResourceContents first() {
            if (actual.contents() == null || actual.contents().isEmpty()) {
                throw failure("at least one contents item", actual);
            }
            return actual.contents().get(0);
        }
    }

    /** Assertions on the messages of a prompt. */
    public static final class PromptAssert {
        private final GetPromptResult actual;

        private PromptAssert(GetPromptResult actual) {
            this.actual = actual;
        }

        /**
         * The prompt has exactly {@code count} messages.
         *
         * @param count the prompt has exactly {@code count} messages
         * @return this assertion, for chaining
         */
        public PromptAssert hasMessages(int count) {
            if (actual.messages().size() != count) {
                throw failure(count + " message(s)", actual);
            }
            return this;
        }

        /**
         * Some text message contains {@code part}.
         *
         * @param part some text message contains {@code part}
         * @return this assertion, for chaining
         */
        public PromptAssert hasTextContaining(String part) {
            for (PromptMessage m : actual.messages()) {
                if (m.content() instanceof TextContent text && text.text().contains(part)) {
                    return this;
                }
            }
            throw failure("a text message containing \"" + part + "\"", actual);
        }
    }

    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (String name : a.propertyNames()) {
                if (!b.has(name) || !sameJson(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
