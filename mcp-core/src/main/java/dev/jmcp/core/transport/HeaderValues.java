package dev.jmcp.core.transport;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The 2026-07-28 value encoding of mirrored HTTP headers ({@code Mcp-Name}, {@code Mcp-Param-*}, SEP-2243): a
 * value that is not safe as a plain header value (non-ASCII, control characters, leading or trailing whitespace,
 * or a value that itself looks like the sentinel) is sent as {@code =?base64?<Base64 of its UTF-8>?=}.
 */
public final class HeaderValues {
    private static final String PREFIX = "=?base64?";
    private static final String SUFFIX = "?=";

    private HeaderValues() {}

    /**
     * Whether {@code value} must be Base64-encoded to travel as a header value.
     *
     * @param value the value to send
     * @return {@code true} if {@code value} must be Base64-encoded to travel as a header value
     */
    public static boolean needsEncoding(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return true;
            }
        }
        return !value.equals(value.strip()) || isSentinel(value);
    }

    /**
     * The header form of {@code value}: as is when safe, else the Base64 sentinel form.
     *
     * @param value the value to send
     * @return the header form of {@code value}: as is when safe, else the Base64 sentinel form
     */
    public static String encode(String value) {
        if (!needsEncoding(value)) {
            return value;
        }
        return PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /**
     * The value a received header carries: a sentinel-wrapped value decoded, anything else literally (after
     * trimming the optional whitespace around field values).
     *
     * @param header the header value as received
     * @return empty when the value is sentinel-wrapped but not valid padded Base64 of UTF-8 text, or when a plain
     *     value contains characters a header value may not carry
     */
    public static Optional<String> decode(String header) {
        String v = header.strip();
        if (!isSentinel(v)) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    return Optional.empty();
                }
            }
            return Optional.of(v);
        }
        String b64 = v.substring(PREFIX.length(), v.length() - SUFFIX.length());
        if (b64.length() % 4 != 0) {
            return Optional.empty(); // padding is required
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isSentinel(String v) {
        return v.length() >= PREFIX.length() + SUFFIX.length() && v.startsWith(PREFIX) && v.endsWith(SUFFIX);
    }
}
