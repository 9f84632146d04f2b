package dev.jmcp.transport.http.common.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} encoding and query strings. */
public final class Forms {
    private Forms() {}

    /** Form-encodes one value (spaces as {@code +}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Form-encodes the parameters, skipping null values, in order. */
    public static String encode(Map<String, String> params) {
        StringJoiner out = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null) {
                out.add(encode(k) + "=" + encode(v));
            }
        });
        return out.toString();
    }

    /** Decodes a form body or raw query string; the first occurrence of a name wins. */
    public static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a malformed %-escape: skip the pair
            }
        }
        return out;
    }

    /** The query parameters of a URI. */
    public static Map<String, String> query(URI uri) {
        return decode(uri.getRawQuery());
    }

    /** Appends form-encoded parameters to a URI's query. */
    public static URI withQuery(String base, Map<String, String> params) {
        String q = encode(params);
        if (q.isEmpty()) {
            return URI.create(base);
        }
        return URI.create(base + (base.contains("?") ? "&" : "?") + q);
    }

    /** {@code Basic base64(urlencode(id) ":" urlencode(secret))} (RFC 6749 §2.3.1). */
    public static String basicHeader(String clientId, String clientSecret) {
        String pair = Forms.encode(clientId) + ":" + Forms.encode(clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
