package dev.jmcp.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fuzz inputs shaped like JSON-RPC: mutations of valid messages (bit flips, cuts, splices, type swaps, deep
 * nesting, truncation) and random JSON whose keys are JSON-RPC and MCP member names.
 */
public final class JsonMutations {
    /** Values of every JSON type, including edge cases (huge numbers, lone surrogates, bad escapes). */
    public static final String[] VALUES = {
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

    /** Member names of JSON-RPC and MCP messages. */
    public static final String[] KEYS = {
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
        "uri",
        "cursor",
        "task",
        "ref",
        "argument"
    };

    private JsonMutations() {}

    /** {@code message} mutated one to three times. */
    public static byte[] mutate(SplittableRandom r, byte[] message) {
        byte[] b = message;
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            b = mutateOnce(r, b);
        }
        return b;
    }

    private static byte[] mutateOnce(SplittableRandom r, byte[] b) {
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

    /** Random JSON text, up to {@code depth} levels, whose object keys are {@link #KEYS}. */
    public static String json(SplittableRandom r, int depth) {
        int kind = depth == 0 ? 0 : r.nextInt(9);
        if (kind < 2) {
            return switch (r.nextInt(4)) {
                case 0 -> Fuzz.oneOf(r, VALUES);
                case 1 -> "\"" + Fuzz.oneOf(r, KEYS) + "\"";
                case 2 -> Long.toString(r.nextLong());
                default -> quote(new String(Fuzz.bytes(r, 8), StandardCharsets.UTF_8));
            };
        }
        StringBuilder sb = new StringBuilder();
        if (kind < 7) {
            sb.append('{');
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
        sb.append('[');
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
