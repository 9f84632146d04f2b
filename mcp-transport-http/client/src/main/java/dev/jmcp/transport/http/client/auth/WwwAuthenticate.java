package dev.jmcp.transport.http.client.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed {@code WWW-Authenticate} header values (RFC 9110 §11.6.1, RFC 6750 §3): a list of challenges, each a
 * scheme with either a token68 or auth-params. Parameter names are case-insensitive and stored in lower case;
 * quoted-string values are unescaped.
 *
 * <p>{@link #parse(String)} rejects malformed input with an {@link IllegalArgumentException}; {@link
 * #parseAll(List)} is lenient and skips header values that do not parse. Neither throws anything else.
 */
public final class WwwAuthenticate {
    /** Longest header value accepted; longer values are rejected as hostile. */
    public static final int MAX_LENGTH = 16 * 1024;

    private static final int MAX_CHALLENGES = 32;
    private static final int MAX_PARAMS = 64;

    /** One challenge: a scheme, an optional token68, and auth-params keyed by lower-case name. */
    public record Challenge(String scheme, String token68, Map<String, String> params) {
        /**
         * Copies the parameters.
         *
         * @param scheme the scheme
         * @param token68 the token68
         * @param params the params
         */
        public Challenge {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /**
         * The value of a parameter (name case-insensitive), or null.
         *
         * @param name the name
         * @return the value of a parameter (name case-insensitive), or null
         */
        public String param(String name) {
            return params.get(name.toLowerCase(Locale.ROOT));
        }

        /**
         * Whether the scheme is {@code Bearer} (case-insensitive).
         *
         * @return whether the scheme is {@code Bearer} (case-insensitive)
         */
        public boolean isBearer() {
            return "bearer".equalsIgnoreCase(scheme);
        }

        /**
         * The {@code error} parameter, or null.
         *
         * @return the {@code error} parameter, or null
         */
        public String error() {
            return param("error");
        }

        /**
         * The {@code error_description} parameter, or null.
         *
         * @return the {@code error_description} parameter, or null
         */
        public String errorDescription() {
            return param("error_description");
        }

        /**
         * The {@code scope} parameter, or null.
         *
         * @return the {@code scope} parameter, or null
         */
        public String scope() {
            return param("scope");
        }

        /**
         * The {@code resource_metadata} parameter (RFC 9728), or null.
         *
         * @return the {@code resource_metadata} parameter (RFC 9728), or null
         */
        public String resourceMetadata() {
            return param("resource_metadata");
        }
    }

    private final List<Challenge> challenges;

    private WwwAuthenticate(List<Challenge> challenges) {
        this.challenges = List.copyOf(challenges);
    }

    /**
     * The challenges in order.
     *
     * @return the challenges in order
     */
    public List<Challenge> challenges() {
        return challenges;
    }

    /**
     * The first Bearer challenge, if any.
     *
     * @return the first Bearer challenge, if any
     */
    public Optional<Challenge> bearer() {
        return challenges.stream().filter(Challenge::isBearer).findFirst();
    }

    /**
     * The {@code error} of the Bearer challenge, or null.
     *
     * @return the {@code error} of the Bearer challenge, or null
     */
    public String error() {
        return bearer().map(Challenge::error).orElse(null);
    }

    /**
     * The {@code scope} of the Bearer challenge, or null.
     *
     * @return the {@code scope} of the Bearer challenge, or null
     */
    public String scope() {
        return bearer().map(Challenge::scope).orElse(null);
    }

    /**
     * The {@code resource_metadata} of the Bearer challenge, or null.
     *
     * @return the {@code resource_metadata} of the Bearer challenge, or null
     */
    public String resourceMetadata() {
        return bearer().map(Challenge::resourceMetadata).orElse(null);
    }

    /**
     * The {@code error_description} of the Bearer challenge, or null.
     *
     * @return the {@code error_description} of the Bearer challenge, or null
     */
    public String errorDescription() {
        return bearer().map(Challenge::errorDescription).orElse(null);
    }

    /**
     * Parses one header value.
     *
     * @param headerValue the header value
     * @return the parsed header
     * @throws IllegalArgumentException when the value is not a valid challenge list (the message says why)
     */
    public static WwwAuthenticate parse(String headerValue) {
        if (headerValue == null) {
            throw new IllegalArgumentException("WWW-Authenticate value is null");
        }
        if (headerValue.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("WWW-Authenticate value longer than " + MAX_LENGTH + " characters");
        }
        return new WwwAuthenticate(new Parser(headerValue).challenges());
    }

    /**
     * Parses every header value, skipping those that are malformed; never throws.
     *
     * @param headerValues the header values
     * @return the parsed header
     */
    public static WwwAuthenticate parseAll(List<String> headerValues) {
        List<Challenge> all = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                try {
                    all.addAll(parse(value).challenges());
                } catch (IllegalArgumentException malformed) {
                    // skipped: a malformed challenge carries no usable information
                }
            }
        }
        return new WwwAuthenticate(all);
    }

    @Override
    public String toString() {
        return "WwwAuthenticate" + challenges;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        List<Challenge> challenges() {
            List<Challenge> result = new ArrayList<>();
            while (true) {
                skipSeparators();
                if (pos >= s.length()) {
                    return result;
                }
                if (result.size() >= MAX_CHALLENGES) {
                    throw fail("more than " + MAX_CHALLENGES + " challenges");
                }
                result.add(challenge());
            }
        }

        private Challenge challenge() {
            String scheme = token();
            if (scheme.isEmpty()) {
                throw fail("expected an auth-scheme");
            }
            Map<String, String> params = new LinkedHashMap<>();
            String token68 = null;
            int spaces = skipWhitespace();
            if (pos >= s.length() || s.charAt(pos) == ',') {
                return new Challenge(scheme, null, params);
            }
            if (spaces == 0) {
                throw fail("expected a space after the auth-scheme");
            }
            boolean first = true;
            while (pos < s.length()) {
                int itemStart = pos;
                String name = token();
                skipWhitespace();
                boolean hasEquals = pos < s.length() && s.charAt(pos) == '=';
                if (!hasEquals) {
                    if (first) {
                        pos = itemStart;
                        token68 = token68();
                        skipWhitespace();
                        if (pos < s.length() && s.charAt(pos) != ',') {
                            throw fail("unexpected character after token68");
                        }
                        return new Challenge(scheme, token68, params);
                    }
                    // the start of the next challenge: "Basic realm=x, Bearer ..."
                    pos = itemStart;
                    return new Challenge(scheme, null, params);
                }
                if (name.isEmpty()) {
                    throw fail("expected a parameter name");
                }
                pos++; // '='
                skipWhitespace();
                String value;
                if (pos < s.length() && s.charAt(pos) == '"') {
                    value = quotedString();
                } else if (pos < s.length() && isTchar(s.charAt(pos))) {
                    value = token();
                } else if (first) {
                    // token68 ending in '=' padding, e.g. "Basic dXNlcg=="
                    pos = itemStart;
                    token68 = token68();
                    skipWhitespace();
                    if (pos < s.length() && s.charAt(pos) != ',') {
                        throw fail("unexpected character after token68");
                    }
                    return new Challenge(scheme, token68, params);
                } else {
                    throw fail("expected a parameter value");
                }
                if (params.size() >= MAX_PARAMS) {
                    throw fail("more than " + MAX_PARAMS + " parameters");
                }
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                first = false;
                skipWhitespace();
                if (pos >= s.length()) {
                    break;
                }
                if (s.charAt(pos) != ',') {
                    throw fail("expected ',' between parameters");
                }
                // skip the commas (empty list elements are allowed), then see what follows
                while (pos < s.length() && (s.charAt(pos) == ',' || isWhitespace(s.charAt(pos)))) {
                    pos++;
                }
            }
            return new Challenge(scheme, token68, params);
        }

        private String token68() {
            int start = pos;
            while (pos < s.length() && isToken68Char(s.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw fail("expected a token68");
            }
            while (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String quotedString() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        break;
                    }
                    c = s.charAt(pos++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw fail("control character in quoted-string");
                }
                out.append(c);
            }
            throw fail("unterminated quoted-string");
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && isTchar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private int skipWhitespace() {
            int start = pos;
            while (pos < s.length() && isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return pos - start;
        }

        private void skipSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ',' || isWhitespace(s.charAt(pos)))) {
                pos++;
            }
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException("malformed WWW-Authenticate at offset " + pos + ": " + why);
        }

        private static boolean isWhitespace(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isTchar(char c) {
            return c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }

        private static boolean isToken68Char(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0;
        }
    }
}
