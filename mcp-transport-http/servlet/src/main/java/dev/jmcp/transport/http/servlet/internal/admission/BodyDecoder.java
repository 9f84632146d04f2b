package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.transport.http.servlet.internal.Http;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads and decodes the body of a POST, for the streamable and the legacy endpoint alike: a body over the
 * codec's message limit gets 413, one that is not JSON-RPC gets 400 with the codec's error response.
 */
public final class BodyDecoder {
    private final JsonRpcCodec codec;

    /** A decoder bounded by {@code codec}'s limits. */
    public BodyDecoder(JsonRpcCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** Reads the body of {@code request} (blocking) and decodes it. */
    public Body read(HttpServletRequest request) throws IOException {
        return decode(Http.readBody(request, codec.limits().maxMessageBytes()));
    }

    /** Decodes {@code body}; null stands for a body that was over the limit. */
    public Body decode(byte[] body) {
        if (body == null) {
            return Body.refused(Rejection.of(413, null, ErrorCodes.INVALID_REQUEST, "Payload Too Large"));
        }
        try {
            return new Body(codec.decodeAll(body), JsonRpcCodec.looksLikeBatch(body), null);
        } catch (JsonRpcCodecException e) {
            return Body.refused(Rejection.of(400, e.toErrorResponse()));
        }
    }

    /**
     * A decoded body, or the refusal of one that could not be decoded.
     *
     * @param messages the messages, empty when refused
     * @param batch whether the body was a JSON array
     * @param rejection the refusal, or null
     */
    public record Body(List<JsonRpcMessage> messages, boolean batch, Rejection rejection) {
        static Body refused(Rejection rejection) {
            return new Body(List.of(), false, rejection);
        }

        /** Whether the body was refused. */
        public boolean isRefused() {
            return rejection != null;
        }
    }
}
