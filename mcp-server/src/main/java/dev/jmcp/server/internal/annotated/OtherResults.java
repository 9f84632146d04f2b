package dev.jmcp.server.internal.annotated;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** How prompt, resource and completion methods' return values become protocol results. */
final class OtherResults {
    private OtherResults() {}

    static boolean isPromptResult(Class<?> c) {
        return c == GetPromptResult.class
                || c == PromptMessage.class
                || List.class.isAssignableFrom(c)
                || c == String.class
                || ContentBlock.class.isAssignableFrom(c);
    }

    static GetPromptResult prompt(Object out, String description) {
        if (out instanceof GetPromptResult r) {
            return r;
        }
        List<PromptMessage> messages = new ArrayList<>();
        if (out instanceof PromptMessage m) {
            messages.add(m);
        } else if (out instanceof String s) {
            messages.add(PromptMessage.of(Role.USER, TextContent.of(s)));
        } else if (out instanceof ContentBlock b) {
            messages.add(PromptMessage.of(Role.USER, b));
        } else if (out instanceof Collection<?> c) {
            for (Object e : c) {
                if (!(e instanceof PromptMessage m)) {
                    throw new IllegalStateException("a prompt method returned a list holding a "
                            + (e == null ? "null" : e.getClass().getName()) + ", not a PromptMessage");
                }
                messages.add(m);
            }
        } else {
            throw new IllegalStateException("a prompt method returned " + (out == null ? "null" : out.getClass()));
        }
        return GetPromptResult.of(description, messages);
    }

    /** The contents read, or null when the method returned null (not found). */
    static ReadResourceResult resource(Object out, String uri, String mimeType) {
        if (out == null || out instanceof ReadResourceResult) {
            return (ReadResourceResult) out;
        }
        if (out instanceof ResourceContents c) {
            return ReadResourceResult.of(List.of(c));
        }
        if (out instanceof Collection<?> list && list.stream().allMatch(e -> e instanceof ResourceContents)) {
            List<ResourceContents> contents = new ArrayList<>();
            list.forEach(e -> contents.add((ResourceContents) e));
            return ReadResourceResult.of(contents);
        }
        if (out instanceof String s) {
            return ReadResourceResult.of(List.of(TextResourceContents.of(uri, mimeType, s)));
        }
        if (out instanceof byte[] bytes) {
            return ReadResourceResult.of(List.of(BlobResourceContents.of(
                    uri,
                    mimeType != null ? mimeType : "application/octet-stream",
                    Base64.getEncoder().encodeToString(bytes))));
        }
        return ReadResourceResult.of(List.of(
                TextResourceContents.of(uri, mimeType != null ? mimeType : "application/json", McpJson.write(out))));
    }

    static boolean isCompletionResult(Class<?> c) {
        return c == Completion.class || List.class.isAssignableFrom(c) || c == String[].class;
    }

    static Completion completion(Object out) {
        if (out instanceof Completion c) {
            return c;
        }
        List<String> values = new ArrayList<>();
        if (out instanceof String[] array) {
            values.addAll(List.of(array));
        } else if (out instanceof Collection<?> c) {
            c.forEach(e -> values.add(String.valueOf(e)));
        }
        return Completion.of(values);
    }
}
