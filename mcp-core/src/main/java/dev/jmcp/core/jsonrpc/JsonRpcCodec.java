package dev.jmcp.core.jsonrpc;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes JSON-RPC 2.0 messages. Thread-safe and cheap to share.
 *
 * <p>Decoding enforces {@link CodecLimits} and the JSON-RPC rules ({@code "jsonrpc": "2.0"}, string or integer
 * ids, a method on requests, exactly one of {@code result}/{@code error} on responses). Every failure is a
 * {@link JsonRpcCodecException} carrying the error to answer with: {@code -32700} for bytes that are not JSON,
 * {@code -32600} for JSON that is not a valid message or exceeds a limit.
 */
public final class JsonRpcCodec {
    private static final JsonRpcCodec DEFAULT = new JsonRpcCodec(CodecLimits.DEFAULTS);

    private final CodecLimits limits;
    private final JsonMapper mapper;

    private JsonRpcCodec(CodecLimits limits) {
        this.limits = limits;
        this.mapper = McpJson.newMapper(limits.maxNestingDepth(), limits.maxMessageBytes())
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(FiniteNumbers.INSTANCE)
                .build();
    }

    /**
     * The shared codec with the default limits.
     *
     * @return the shared codec with the default limits
     */
    public static JsonRpcCodec defaults() {
        return DEFAULT;
    }

    /**
     * A codec with the given limits.
     *
     * @param limits the size, depth and batch limits to apply when decoding
     * @return a codec with the given limits
     */
    public static JsonRpcCodec withLimits(CodecLimits limits) {
        return new JsonRpcCodec(limits);
    }

    /**
     * The limits this codec enforces.
     *
     * @return the limits this codec enforces
     */
    public CodecLimits limits() {
        return limits;
    }

    /**
     * Decodes one message. A batch (JSON array) is refused with {@code -32600}; use {@link #decodeAll} where
     * batches are allowed.
     *
     * @param bytes the UTF-8 JSON of one message
     * @return the decoded message
     */
    public JsonRpcMessage decode(byte[] bytes) {
        JsonNode tree = parse(bytes);
        if (tree.isArray()) {
            throw invalid("batches are not accepted here", null);
        }
        return fromTree(tree);
    }

    /**
     * Decodes one message from text.
     *
     * @param text the JSON of one message
     * @return the decoded message
     */
    public JsonRpcMessage decode(String text) {
        return decode(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a message or a batch (a non-empty JSON array of messages, as 2025-03-26 peers may send). A batch
     * with any invalid element, or with more than {@link CodecLimits#maxBatchSize()} messages, is refused whole
     * with {@code -32600}.
     *
     * @param bytes the UTF-8 JSON of one message or of a batch
     * @return the messages, a single one for a message that is not a batch
     */
    public List<JsonRpcMessage> decodeAll(byte[] bytes) {
        JsonNode tree = parse(bytes);
        if (!tree.isArray()) {
            return List.of(fromTree(tree));
        }
        if (tree.isEmpty()) {
            throw invalid("empty batch", null);
        }
        if (tree.size() > limits.maxBatchSize()) {
            throw invalid("batch of " + tree.size() + " messages exceeds the limit of " + limits.maxBatchSize(), null);
        }
        List<JsonRpcMessage> messages = new ArrayList<>(tree.size());
        for (JsonNode element : tree) {
            messages.add(fromTree(element));
        }
        return messages;
    }

    /**
     * Whether the bytes hold a JSON array, i.e. a batch, judged by the first non-blank byte.
     *
     * @param bytes the raw message bytes
     * @return {@code true} if the bytes hold a JSON array, i.e. a batch, judged by the first non-blank byte
     */
    public static boolean looksLikeBatch(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * Converts a parsed JSON tree into a message, checking every JSON-RPC rule.
     *
     * @param node the parsed JSON of one message
     * @return the message
     */
    public JsonRpcMessage fromTree(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("a JSON-RPC message must be a JSON object", null);
        }
        RequestId id = readId(node);
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isString() || !"2.0".equals(version.asString())) {
            throw invalid("\"jsonrpc\" must be \"2.0\"", id);
        }
        JsonNode method = node.get("method");
        if (method != null) {
            if (!method.isString()) {
                throw invalid("\"method\" must be a string", id);
            }
            JsonNode params = node.get("params");
            if (params != null && params.isNull()) {
                params = null;
            }
            if (params != null && !params.isObject() && !params.isArray()) {
                throw invalid("\"params\" must be an object or an array", id);
            }
            if (!node.has("id")) {
                return new JsonRpcNotification(method.asString(), params);
            }
            if (id == null) {
                throw invalid("a request id must be a string or an integer", null);
            }
            return new JsonRpcRequest(id, method.asString(), params);
        }
        JsonNode result = node.get("result");
        JsonNode error = node.get("error");
        if ((result == null) == (error == null)) {
            throw invalid("a response must have exactly one of \"result\" and \"error\"", id);
        }
        if (result != null) {
            if (id == null) {
                throw invalid("a result response needs a string or integer id", null);
            }
            return new JsonRpcResponse(id, result);
        }
        if (id == null && node.hasNonNull("id")) {
            throw invalid("an error response id must be a string, an integer or null", null);
        }
        return new JsonRpcErrorResponse(id, readError(error, id));
    }

    /**
     * Encodes one message as UTF-8 JSON with no line breaks.
     *
     * @param message the message to encode
     * @return the UTF-8 bytes of the JSON
     */
    public byte[] encode(JsonRpcMessage message) {
        BufferRecycler recycler = mapper.tokenStreamFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator gen = mapper.createGenerator(out)) {
                write(gen, message);
            } catch (JacksonException e) {
                throw new JsonRpcCodecException(
                        JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "cannot encode message: " + e.getOriginalMessage()),
                        null,
                        e);
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Encodes one message as a JSON string with no line breaks.
     *
     * @param message the message to encode
     * @return the JSON text
     */
    public String encodeToString(JsonRpcMessage message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    /**
     * Encodes messages as a JSON array (a batch answer).
     *
     * @param messages the messages of the batch, in order
     * @return the UTF-8 bytes of the JSON array
     */
    public byte[] encodeBatch(List<? extends JsonRpcMessage> messages) {
        BufferRecycler recycler = mapper.tokenStreamFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator gen = mapper.createGenerator(out)) {
                gen.writeStartArray();
                for (JsonRpcMessage message : messages) {
                    write(gen, message);
                }
                gen.writeEndArray();
            } catch (JacksonException e) {
                throw new JsonRpcCodecException(
                        JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "cannot encode batch: " + e.getOriginalMessage()),
                        null,
                        e);
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * The message as a JSON tree.
     *
     * @param message the message to convert
     * @return the message as a JSON tree
     */
    public JsonNode toTree(JsonRpcMessage message) {
        return parse(encode(message));
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length > limits.maxMessageBytes()) {
            throw invalid(
                    "message of " + bytes.length + " bytes exceeds the limit of " + limits.maxMessageBytes(), null);
        }
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw parseError("empty message", null);
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new JsonRpcCodecException(
                    JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "message exceeds a limit: " + e.getOriginalMessage()),
                    null,
                    e);
        } catch (JacksonException e) {
            throw parseError("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static RequestId readId(JsonNode node) {
        return RequestId.fromJson(node.get("id"));
    }

    private static JsonRpcError readError(JsonNode error, RequestId id) {
        if (!error.isObject()) {
            throw invalid("\"error\" must be an object", id);
        }
        JsonNode code = error.get("code");
        if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
            throw invalid("\"error.code\" must be an integer", id);
        }
        JsonNode message = error.get("message");
        if (message != null && !message.isString() && !message.isNull()) {
            throw invalid("\"error.message\" must be a string", id);
        }
        JsonNode data = error.get("data");
        return new JsonRpcError(
                code.intValue(),
                message == null || message.isNull() ? "" : message.asString(),
                data == null || data.isNull() ? null : data);
    }

    private static void write(JsonGenerator gen, JsonRpcMessage message) {
        gen.writeStartObject();
        gen.writeStringProperty("jsonrpc", "2.0");
        if (message instanceof JsonRpcRequest r) {
            writeId(gen, r.id());
            gen.writeStringProperty("method", r.method());
            writeParams(gen, r.params());
        } else if (message instanceof JsonRpcNotification n) {
            gen.writeStringProperty("method", n.method());
            writeParams(gen, n.params());
        } else if (message instanceof JsonRpcResponse r) {
            writeId(gen, r.id());
            gen.writeName("result");
            gen.writeTree(r.result());
        } else {
            JsonRpcErrorResponse e = (JsonRpcErrorResponse) message;
            writeId(gen, e.id());
            gen.writeName("error");
            gen.writeStartObject();
            gen.writeNumberProperty("code", e.error().code());
            gen.writeStringProperty("message", e.error().message());
            if (e.error().data() != null) {
                gen.writeName("data");
                gen.writeTree(e.error().data());
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void writeParams(JsonGenerator gen, JsonNode params) {
        if (params != null) {
            gen.writeName("params");
            gen.writeTree(params);
        }
    }

    private static void writeId(JsonGenerator gen, RequestId id) {
        gen.writeName("id");
        if (id == null) {
            gen.writeNull();
        } else if (id instanceof RequestId.NumberId n) {
            gen.writeNumber(n.number());
        } else {
            gen.writeString(((RequestId.StringId) id).value());
        }
    }

    private static JsonRpcCodecException invalid(String message, RequestId id) {
        return new JsonRpcCodecException(JsonRpcError.of(ErrorCodes.INVALID_REQUEST, message), id, null);
    }

    private static JsonRpcCodecException parseError(String message, Throwable cause) {
        return new JsonRpcCodecException(JsonRpcError.of(ErrorCodes.PARSE_ERROR, message), null, cause);
    }
}
