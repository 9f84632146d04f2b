package dev.jmcp.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.testsupport.Fuzz;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the codec: whatever bytes a peer sends, decoding either yields messages that survive an
 * encode/decode round trip, or fails with {@link JsonRpcCodecException} carrying -32700 or -32600. No other
 * exception ever escapes. Inputs: random bytes, mutations of valid messages (bit flips, cuts, splices, type
 * swaps, deep nesting), and random JSON built from JSON-RPC keys; each decoded with the default limits and
 * with tight ones. {@link Fuzz#inputs()} inputs per loop (2,000 in the build, a million with {@code -Pfuzz}).
 */
class JsonRpcCodecFuzzTest {
    static final List<String> SEEDS = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},\"_meta\":{\"progressToken\":7}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3,\"reason\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"isError\":false}}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\",\"data\":[1,2]}}",
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///a%20b?x=1\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":-9223372036854775808,\"method\":\"server/discover\",\"params\":[]}");

    static final String[] VALUES = {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1e999",
        "-1.5e-400",
        "9223372036854775808",
        "1.0",
        "\"\"",
        "\"\\ud800\"",
        "\"\\u0000\"",
        "[]",
        "{}",
        "[[[]]]",
        "{\"\":{}}",
        "\"2.0\"",
        "2.0",
        "\"\\uZZZZ\"",
        "\"\u00e9\u4e2d\""
    };

    static final String[] KEYS = {
        "jsonrpc",
        "id",
        "method",
        "params",
        "result",
        "error",
        "code",
        "message",
        "data",
        "_meta",
        "name",
        "arguments",
        "uri"
    };

    private final JsonRpcCodec codec = JsonRpcCodec.defaults();
    private final JsonRpcCodec tight = JsonRpcCodec.withLimits(new CodecLimits(512, 6));

    @Test
    void randomBytesOnlyEverFailWithTheCodecsOwnError() {
        Fuzz.run("codec, random bytes", r -> Fuzz.bytes(r, 600), this::decodesOrRefusesCleanly);
    }

    @Test
    void mutatedMessagesOnlyEverFailWithTheCodecsOwnError() {
        Fuzz.run("codec, mutated messages", JsonRpcCodecFuzzTest::mutatedMessage, this::decodesOrRefusesCleanly);
    }

    @Test
    void randomJsonOfRpcKeysOnlyEverFailsWithTheCodecsOwnError() {
        Fuzz.run("codec, random JSON", r -> json(r, 4).getBytes(StandardCharsets.UTF_8), this::decodesOrRefusesCleanly);
    }

    private void decodesOrRefusesCleanly(byte[] input) {
        decodesOrRefusesCleanly(codec, input);
        decodesOrRefusesCleanly(tight, input);
    }

    private static void decodesOrRefusesCleanly(JsonRpcCodec codec, byte[] input) {
        List<JsonRpcMessage> messages;
        try {
            messages = codec.decodeAll(input);
        } catch (JsonRpcCodecException e) {
            assertThat(e.error().code()).isIn(ErrorCodes.PARSE_ERROR, ErrorCodes.INVALID_REQUEST);
            return;
        }
        assertThat(messages).isNotEmpty();
        for (JsonRpcMessage m : messages) {
            assertThat(JsonRpcCodec.defaults().decode(codec.encode(m))).isEqualTo(m);
        }
        if (!JsonRpcCodec.looksLikeBatch(input)) {
            assertThat(codec.decode(input)).isEqualTo(messages.get(0));
        }
    }

    /** A valid message mutated one to three times. */
    static byte[] mutatedMessage(SplittableRandom r) {
        byte[] b = SEEDS.get(r.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            b = mutate(r, b);
        }
        return b;
    }

    private static byte[] mutate(SplittableRandom r, byte[] b) {
        int a = r.nextInt(b.length + 1);
        int z = Math.min(b.length, a + r.nextInt(24));
        String s = new String(b, StandardCharsets.UTF_8);
        int depth = 1 + r.nextInt(400);
        switch (r.nextInt(8)) {
            case 0 -> { // flip one bit
                byte[] c = b.clone();
                if (c.length > 0) {
                    c[Math.min(a, c.length - 1)] ^= (byte) (1 << r.nextInt(8));
                }
                return c;
            }
            case 1 -> {
                return concat(slice(b, 0, a), slice(b, z, b.length)); // cut
            }
            case 2 -> {
                return concat(slice(b, 0, a), Fuzz.bytes(r, 16), slice(b, a, b.length)); // splice noise
            }
            case 3 -> {
                return slice(b, 0, a); // truncate
            }
            case 4 -> { // swap the value after some ':' for one of another type
                int colon = s.indexOf(':', Math.min(a, s.length()));
                if (colon < 0) {
                    return b;
                }
                int end = colon + 1;
                while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                return (s.substring(0, colon + 1) + Fuzz.oneOf(r, VALUES) + s.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                return ("[".repeat(depth) + s + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8); // nest
            }
            case 6 -> { // nest inside params
                int at = s.indexOf("\"params\":");
                if (at < 0) {
                    return b;
                }
                return (s.substring(0, at + 9) + "{\"x\":".repeat(depth) + "1" + "}".repeat(depth) + ",\"y\":"
                                + s.substring(at + 9))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return concat(b, slice(b, a, z)); // duplicate a piece at the end
            }
        }
    }

    /** Random JSON text whose object keys are JSON-RPC and MCP member names. */
    static String json(SplittableRandom r, int depth) {
        int kind = depth == 0 ? 0 : r.nextInt(9);
        if (kind < 2) {
            return switch (r.nextInt(4)) {
                case 0 -> Fuzz.oneOf(r, VALUES);
                case 1 -> "\"" + Fuzz.oneOf(r, KEYS) + "\"";
                case 2 -> Long.toString(r.nextLong());
                default -> quote(new String(Fuzz.bytes(r, 8), StandardCharsets.UTF_8));
            };
        }
        if (kind < 7) {
            StringBuilder sb = new StringBuilder("{");
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(Fuzz.oneOf(r, KEYS))
                        .append("\":");
                sb.append(json(r, depth - 1));
            }
            return sb.append('}').toString();
        }
        StringBuilder sb = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(json(r, depth - 1));
        }
        return sb.append(']').toString();
    }

    private static String quote(String raw) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, Math.min(from, b.length), Math.min(Math.max(from, to), b.length));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
