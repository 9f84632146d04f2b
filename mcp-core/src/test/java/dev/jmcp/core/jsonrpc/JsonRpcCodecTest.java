package dev.jmcp.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcCodecTest {
    private final JsonRpcCodec codec = JsonRpcCodec.defaults();

    @Test
    void requestRoundTripsWithNumericId() {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}";
        JsonRpcMessage m = codec.decode(json);
        assertThat(m).isInstanceOf(JsonRpcRequest.class);
        JsonRpcRequest r = (JsonRpcRequest) m;
        assertThat(r.id()).isEqualTo(RequestId.of(7L));
        assertThat(r.method()).isEqualTo("tools/call");
        assertThat(codec.encodeToString(m)).isEqualTo(json);
    }

    @Test
    void stringIdKeepsItsJsonType() {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"result\":{}}";
        JsonRpcMessage m = codec.decode(json);
        assertThat(((JsonRpcResponse) m).id()).isEqualTo(RequestId.of("7")).isNotEqualTo(RequestId.of(7));
        assertThat(codec.encodeToString(m)).isEqualTo(json);
    }

    @Test
    void intAndLongIdsAreEqual() {
        assertThat(RequestId.of(1)).isEqualTo(RequestId.of(1L)).hasSameHashCodeAs(RequestId.of(1L));
    }

    @Test
    void notificationHasNoId() {
        JsonRpcMessage m = codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(m).isEqualTo(new JsonRpcNotification("notifications/initialized", null));
        assertThat(codec.encodeToString(m)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @Test
    void errorResponseKeepsCodeMessageAndData() {
        String json =
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,\"message\":\"bad\",\"data\":{\"uri\":\"x\"}}}";
        JsonRpcErrorResponse e = (JsonRpcErrorResponse) codec.decode(json);
        assertThat(e.error().code()).isEqualTo(-32602);
        assertThat(e.error().data().get("uri").asString()).isEqualTo("x");
        assertThat(codec.encodeToString(e)).isEqualTo(json);
    }

    @Test
    void errorResponseWithNullIdIsAccepted() {
        JsonRpcErrorResponse e = (JsonRpcErrorResponse)
                codec.decode("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"x\"}}");
        assertThat(e.id()).isNull();
    }

    @Test
    void truncatedJsonIsParseError() {
        assertError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"pi", ErrorCodes.PARSE_ERROR);
    }

    @Test
    void emptyInputIsParseError() {
        assertError("", ErrorCodes.PARSE_ERROR);
        assertError("   ", ErrorCodes.PARSE_ERROR);
    }

    @Test
    void trailingGarbageIsParseError() {
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"a\"} {}", ErrorCodes.PARSE_ERROR);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"m\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}",
                "{\"jsonrpc\":\"2.0\",\"result\":{}}",
                "[]",
                "42",
                "\"text\"",
                "null"
            })
    void invalidMessagesAreInvalidRequest(String json) {
        JsonRpcCodecException e = catchThrowableOfType(JsonRpcCodecException.class, () -> codec.decodeAll(bytes(json)));
        assertThat(e).isNotNull();
        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    }

    @Test
    void invalidRequestKeepsReadableId() {
        JsonRpcCodecException e = catchThrowableOfType(
                JsonRpcCodecException.class,
                () -> codec.decode("{\"jsonrpc\":\"1.0\",\"id\":\"abc\",\"method\":\"x\"}"));
        assertThat(e.requestId()).isEqualTo(RequestId.of("abc"));
        assertThat(e.toErrorResponse().id()).isEqualTo(RequestId.of("abc"));
    }

    @Test
    void oversizedMessageIsInvalidRequest() {
        JsonRpcCodec small = JsonRpcCodec.withLimits(new CodecLimits(1024, 64));
        String big = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"p\":\"" + "a".repeat(2000) + "\"}}";
        JsonRpcCodecException e = catchThrowableOfType(JsonRpcCodecException.class, () -> small.decode(big));
        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(e.error().message()).contains("exceeds");
    }

    @Test
    void deeplyNestedMessageIsRejectedWithoutStackOverflow() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        String json = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"a\":" + nested + "}}";
        JsonRpcCodecException e = catchThrowableOfType(JsonRpcCodecException.class, () -> codec.decode(json));
        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    }

    @Test
    void nestingWithinTheLimitIsAccepted() {
        String nested = "[".repeat(100) + "]".repeat(100);
        JsonRpcMessage m = codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"a\":" + nested + "}}");
        assertThat(m).isInstanceOf(JsonRpcNotification.class);
    }

    @Test
    void invalidUtf8IsParseError() {
        byte[] prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, bad, 0, prefix.length);
        bad[prefix.length] = (byte) 0xC3;
        bad[prefix.length + 1] = (byte) 0x28; // invalid continuation byte
        System.arraycopy(suffix, 0, bad, prefix.length + 2, suffix.length);
        JsonRpcCodecException e = catchThrowableOfType(JsonRpcCodecException.class, () -> codec.decode(bad));
        assertThat(e.error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    }

    @Test
    void batchDecodesEveryElement() {
        List<JsonRpcMessage> batch = codec.decodeAll(
                bytes("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]"));
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0)).isInstanceOf(JsonRpcRequest.class);
        assertThat(batch.get(1)).isInstanceOf(JsonRpcNotification.class);
    }

    @Test
    void batchOverTheDefaultLimitOfHundredIsRefusedAsInvalidRequest() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertThat(codec.decodeAll(bytes("[" + String.join(",", java.util.Collections.nCopies(100, ping)) + "]")))
                .hasSize(CodecLimits.DEFAULT_MAX_BATCH_SIZE);
        JsonRpcCodecException e = catchThrowableOfType(
                JsonRpcCodecException.class,
                () -> codec.decodeAll(bytes("[" + String.join(",", java.util.Collections.nCopies(101, ping)) + "]")));
        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(e.error().message()).contains("batch of 101 messages exceeds the limit of 100");
        JsonRpcCodec two = JsonRpcCodec.withLimits(CodecLimits.DEFAULTS.withMaxBatchSize(2));
        assertThatThrownBy(() -> two.decodeAll(bytes("[" + ping + "," + ping + "," + ping + "]")))
                .isInstanceOf(JsonRpcCodecException.class);
    }

    @Test
    void batchIsRefusedWhereOnlySingleMessagesAreAllowed() {
        assertThatThrownBy(() -> codec.decode("[{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]"))
                .isInstanceOfSatisfying(
                        JsonRpcCodecException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST));
    }

    @Test
    void batchEncodesAsArray() {
        byte[] out = codec.encodeBatch(List.of(
                new JsonRpcResponse(RequestId.of(1), McpJson.object()),
                new JsonRpcResponse(RequestId.of("b"), McpJson.object())));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo(
                        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}},{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"result\":{}}]");
        assertThat(JsonRpcCodec.looksLikeBatch(out)).isTrue();
    }

    @Test
    void aMessageLargerThanOneBufferSegmentEncodesWhole() {
        // encoding goes through Jackson's recycled segments (8,000 bytes): these answers span several, in one array
        for (int size : new int[] {7_999, 8_000, 8_001, 100_000, 1_000_000}) {
            String text = "x".repeat(size - 1) + "\u00e9"; // a two-byte character across the last segment edge
            JsonRpcResponse m =
                    new JsonRpcResponse(RequestId.of(size), McpJson.object().put("text", text));
            byte[] out = codec.encode(m);
            String expected = "{\"jsonrpc\":\"2.0\",\"id\":" + size + ",\"result\":{\"text\":\"" + text + "\"}}";
            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(out).hasSize(expected.getBytes(StandardCharsets.UTF_8).length);
            assertThat(codec.decode(out)).isEqualTo(m);
        }
    }

    @Test
    void concurrentEncodingsKeepTheirOwnBytes() throws Exception {
        // the recycled buffers are per encoding: threads encoding at once never see each other's bytes
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mine = String.valueOf((char) ('a' + t)).repeat(1_000 + t * 3_000);
                done.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 500; i++) {
                        JsonRpcResponse m = new JsonRpcResponse(
                                RequestId.of(i), McpJson.object().put("t", mine));
                        String json = new String(codec.encode(m), StandardCharsets.UTF_8);
                        assertThat(json)
                                .isEqualTo(
                                        "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"result\":{\"t\":\"" + mine + "\"}}");
                        checked++;
                    }
                    return checked;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : done) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void encodedMessagesHaveNoLineBreaks() {
        JsonRpcMessage m = codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"t\":\"a\\nb\"}}");
        assertThat(codec.encodeToString(m)).doesNotContain("\n").contains("a\\nb");
    }

    @Test
    void codecNeverThrowsAnythingButItsOwnException() {
        String[] inputs = {
            "{",
            "}",
            "[1,",
            "{\"jsonrpc\"",
            "\u0000",
            "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"x\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999999,\"method\":\"x\"}",
            "\uFEFF{}"
        };
        for (String input : inputs) {
            assertThatThrownBy(() -> codec.decodeAll(bytes(input))).isInstanceOf(JsonRpcCodecException.class);
        }
    }

    private void assertError(String json, int code) {
        JsonRpcCodecException e = catchThrowableOfType(JsonRpcCodecException.class, () -> codec.decode(json));
        assertThat(e).as("decoding %s", json).isNotNull();
        assertThat(e.error().code()).isEqualTo(code);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsRefusedNotTurnedIntoInfinity() {
        JsonRpcCodecException e = catchThrowableOfType(
                JsonRpcCodecException.class,
                () -> codec.decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"n\":1e999}}"));
        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(e.error().message()).contains("beyond the range of a double");
        assertThat(codec.decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"n\":1.5e300}}"))
                .isInstanceOf(JsonRpcRequest.class);
    }
}
