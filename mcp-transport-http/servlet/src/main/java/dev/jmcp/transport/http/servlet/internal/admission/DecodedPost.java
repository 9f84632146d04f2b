package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import dev.jmcp.transport.http.common.internal.MessageFields;
import java.util.List;

/**
 * A POST whose body was read and decoded: what the checks after decoding look at. Build it with {@link #of}, which
 * reads the {@code _meta} version and the era once.
 *
 * @param messages the decoded messages, at least one
 * @param batch whether the body was a JSON array
 * @param headers the request headers
 * @param token the caller as the built-in bearer authorization validated it, or null
 * @param metaVersion the protocol version in a single message's {@code _meta} (2026-07-28), or null
 * @param statelessEra whether the POST belongs to the 2026-07-28 era: its {@code _meta} or its version header
 *     says so
 */
public record DecodedPost(
        List<JsonRpcMessage> messages,
        boolean batch,
        RequestHeaders headers,
        AuthInfo token,
        String metaVersion,
        boolean statelessEra) {

    /** Copies the messages. */
    public DecodedPost {
        messages = List.copyOf(messages);
    }

    /**
     * A decoded POST; reads the {@code _meta} version and the era from the messages and headers. A batch belongs
     * to the 2026-07-28 era when the version header or any element's {@code _meta} says so (so that it cannot
     * slip past the era's checks by hiding its version in the second element).
     */
    public static DecodedPost of(List<JsonRpcMessage> messages, boolean batch, RequestHeaders headers, AuthInfo token) {
        String meta = batch ? null : MessageFields.metaProtocolVersion(messages.get(0));
        boolean era = meta != null
                || isStatelessVersion(headers.get(McpHttpHeaders.PROTOCOL_VERSION))
                || batch && anyMetaVersion(messages);
        return new DecodedPost(messages, batch, headers, token, meta, era);
    }

    private static boolean anyMetaVersion(List<JsonRpcMessage> messages) {
        for (JsonRpcMessage m : messages) {
            if (MessageFields.metaProtocolVersion(m) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStatelessVersion(String header) {
        return header != null
                && ProtocolVersion.parse(header.trim())
                        .map(ProtocolVersion::isStateless)
                        .orElse(false);
    }

    /** The first message. */
    public JsonRpcMessage first() {
        return messages.get(0);
    }

    /** The id of the first message when it is a request, else null: the id refusals answer. */
    public RequestId firstId() {
        return first() instanceof JsonRpcRequest r ? r.id() : null;
    }

    /** Whether any message is a request (so the POST needs a response stream). */
    public boolean hasRequests() {
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest) {
                return true;
            }
        }
        return false;
    }

    /** The {@code MCP-Protocol-Version} header, or null. */
    public String headerVersion() {
        return headers.get(McpHttpHeaders.PROTOCOL_VERSION);
    }
}
