package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.transport.http.servlet.internal.Http;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
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

    /**
     * Reads the body of {@code request} with non-blocking servlet I/O (no container thread is held while it
     * arrives), decodes it and passes it to {@code then} on a container thread, in async mode. Unless {@code then}
     * hands the response to an {@code AsyncWriter}, the response is completed after it. A body that does not
     * arrive in full within {@code timeout} gets 408.
     */
    public void readAsync(HttpServletRequest request, HttpServletResponse response, Duration timeout, BodyConsumer then)
            throws IOException {
        AsyncBodyReader.start(
                request,
                response,
                codec.limits().maxMessageBytes(),
                timeout.toMillis(),
                bytes -> then.accept(decode(bytes)));
    }

    /** What answers a POST once its body is decoded. */
    @FunctionalInterface
    public interface BodyConsumer {
        /** Answers the POST whose body is {@code body}. */
        void accept(Body body) throws IOException;
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
