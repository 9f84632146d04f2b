package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.core.transport.TransportMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small servlet helpers shared by the streamable and legacy endpoints. */
public final class Http {
    /** Lower-case prefix of the SEP-2243 parameter headers. */
    private static final String PARAM_HEADER_PREFIX = "mcp-param-";

    /** The content type of a JSON answer, as the container spells {@code application/json} in UTF-8. */
    private static final String JSON_UTF_8 = "application/json;charset=utf-8";

    private Http() {}

    /** Reads the body up to {@code max} bytes; null when it is larger. */
    public static byte[] readBody(HttpServletRequest request, int max) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buf = new byte[8192];
            int total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > max) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * Answers with one JSON body on the request thread (blocking; small bodies only): status, {@code application/json}
     * in UTF-8 and {@code Content-Length}, as {@link AsyncWriter#answer} does. A response already committed, or a
     * connection already gone, is left as it is.
     *
     * @param response the response to write
     * @param status the HTTP status
     * @param body the encoded JSON body
     */
    public static void answer(HttpServletResponse response, int status, byte[] body) {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(JSON_UTF_8); // one header write (type and charset apart would parse and set it twice)
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** Writes a JSON-RPC error response with an HTTP status (blocking; small bodies only). */
    public static void errorBody(HttpServletResponse response, int status, JsonRpcErrorResponse error)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = JsonRpcCodec.defaults().encode(error);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The request's headers by lower-case name (without credentials: {@code Authorization} and {@code
     * Proxy-Authorization} are left out), and the authenticated caller if one was stored.
     */
    public static InboundContext inboundContext(HttpServletRequest request, String authAttribute) {
        HeaderSnapshot headers = HeaderSnapshot.of(request);
        Object auth = request.getAttribute(authAttribute);
        TransportMetadata metadata = new TransportMetadata(
                "http",
                request.getRemoteAddr() + ":" + request.getRemotePort(),
                headers.map(),
                NetworkProtocol.http(request.getProtocol())); // as negotiated for this request (a constant)
        return new InboundContext(auth instanceof AuthInfo a ? a : null, metadata, headers.envelope());
    }

    /**
     * The headers by lower-case name, read in one pass into arrays and built once as an immutable map (which {@link
     * TransportMetadata} keeps as it is, with no second copy; no entry objects, no intermediate hash map), and the
     * mirrored request fields found on the way.
     */
    private static final class HeaderSnapshot {
        private String[] names = new String[12];
        private List<String>[] values = newValues(12);
        private int count;
        private String method;
        private String name;
        private String version;
        private Map<String, String> params = Map.of(); // a map only for the rare request that mirrors parameters

        @SuppressWarnings("unchecked")
        private static List<String>[] newValues(int n) {
            return new List[n];
        }

        static HeaderSnapshot of(HttpServletRequest request) {
            HeaderSnapshot h = new HeaderSnapshot();
            Enumeration<String> names = request.getHeaderNames();
            while (names.hasMoreElements()) {
                String name = names.nextElement();
                String lower = lowerCase(name);
                if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
                    continue; // credentials stay in the transport: handlers get the validated AuthInfo instead
                }
                List<String> all = values(request.getHeaders(name));
                if (all != null) {
                    h.add(lower, all);
                }
            }
            h.mirrored();
            return h;
        }

        private void add(String lower, List<String> all) {
            for (int i = 0; i < count; i++) {
                if (names[i].equals(lower)) { // the same name spelled twice in different case
                    List<String> merged = new ArrayList<>(values[i]);
                    merged.addAll(all);
                    values[i] = List.copyOf(merged);
                    return;
                }
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            names[count] = lower;
            values[count++] = all;
        }

        /** The request fields the 2026-07-28 standard headers mirror (SEP-2243); read from headers only. */
        private void mirrored() {
            for (int i = 0; i < count; i++) {
                String n = names[i];
                List<String> v = values[i];
                if (!n.startsWith("mcp-") || v.isEmpty()) {
                    continue;
                }
                switch (n) {
                    case "mcp-method" -> method = v.get(0);
                    case "mcp-name" -> name = v.get(0);
                    case "mcp-protocol-version" -> version = v.get(0);
                    default -> {
                        if (n.startsWith(PARAM_HEADER_PREFIX)) {
                            if (params.isEmpty()) {
                                params = new HashMap<>();
                            }
                            params.put(n.substring(PARAM_HEADER_PREFIX.length()), v.get(0));
                        }
                    }
                }
            }
        }

        MessageEnvelope envelope() {
            if (method == null && name == null && version == null && params.isEmpty()) {
                return MessageEnvelope.NONE;
            }
            return new MessageEnvelope(method == null ? null : method.strip(), name, version, params);
        }

        /** The immutable map: {@code Map.of} with the pairs for the usual handful of headers (no entry objects). */
        Map<String, List<String>> map() {
            String[] k = names;
            List<String>[] v = values;
            return switch (count) {
                case 0 -> Map.of();
                case 1 -> Map.of(k[0], v[0]);
                case 2 -> Map.of(k[0], v[0], k[1], v[1]);
                case 3 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
                case 4 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
                case 5 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4]);
                case 6 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4], k[5], v[5]);
                case 7 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4], k[5], v[5], k[6], v[6]);
                case 8 ->
                    Map.of(
                            k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4], k[5], v[5], k[6], v[6], k[7],
                            v[7]);
                case 9 ->
                    Map.of(
                            k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4], k[5], v[5], k[6], v[6], k[7],
                            v[7], k[8], v[8]);
                case 10 ->
                    Map.of(
                            k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4], k[5], v[5], k[6], v[6], k[7],
                            v[7], k[8], v[8], k[9], v[9]);
                default -> {
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, List<String>>[] entries = new Map.Entry[count];
                    for (int i = 0; i < count; i++) {
                        entries[i] = Map.entry(k[i], v[i]);
                    }
                    yield Map.ofEntries(entries);
                }
            };
        }
    }

    /** The lower-case spellings of the headers every MCP request carries, by the spellings clients send. */
    private static final Map<String, String> KNOWN_NAMES = knownNames(
            "Host",
            "Content-Type",
            "Content-Length",
            "Accept",
            "Accept-Encoding",
            "User-Agent",
            "Connection",
            "Origin",
            "MCP-Protocol-Version",
            "Mcp-Protocol-Version",
            "Mcp-Method",
            "Mcp-Name",
            "Mcp-Session-Id",
            "Last-Event-ID");

    private static Map<String, String> knownNames(String... names) {
        Map<String, String> m = new HashMap<>();
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            m.put(n, lower);
            m.put(lower, lower);
        }
        return Map.copyOf(m);
    }

    /** {@code name} in lower case, without a new string for the usual header names. */
    private static String lowerCase(String name) {
        String known = KNOWN_NAMES.get(name);
        return known != null ? known : name.toLowerCase(Locale.ROOT);
    }

    private static List<String> values(Enumeration<String> values) {
        if (!values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return List.of(first); // the common case: one value, no mutable list to copy
        }
        List<String> many = new ArrayList<>();
        many.add(first);
        while (values.hasMoreElements()) {
            many.add(values.nextElement());
        }
        return List.copyOf(many);
    }
}
