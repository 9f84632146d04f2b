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
        Map<String, List<String>> headers = headers(request);
        Object auth = request.getAttribute(authAttribute);
        TransportMetadata metadata = new TransportMetadata(
                "http",
                request.getRemoteAddr() + ":" + request.getRemotePort(),
                headers,
                NetworkProtocol.http(request.getProtocol())); // as negotiated for this request (a constant)
        return new InboundContext(auth instanceof AuthInfo a ? a : null, metadata, envelopeOf(headers));
    }

    /**
     * The headers by lower-case name, built once as an immutable map (which {@link TransportMetadata} keeps as it
     * is, with no second copy): no intermediate hash map per request.
     */
    private static Map<String, List<String>> headers(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, List<String>>[] entries = new Map.Entry[16];
        int count = 0;
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String lower = lowerCase(name);
            if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
                continue; // credentials stay in the transport: handlers get the validated AuthInfo instead
            }
            List<String> all = values(request.getHeaders(name));
            if (all == null) {
                continue;
            }
            int same = indexOf(entries, count, lower);
            if (same >= 0) { // the same name spelled twice in different case
                List<String> merged = new ArrayList<>(entries[same].getValue());
                merged.addAll(all);
                entries[same] = Map.entry(lower, List.copyOf(merged));
                continue;
            }
            if (count == entries.length) {
                entries = Arrays.copyOf(entries, count * 2);
            }
            entries[count++] = Map.entry(lower, all);
        }
        return Map.ofEntries(count == entries.length ? entries : Arrays.copyOf(entries, count));
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

    private static int indexOf(Map.Entry<String, List<String>>[] entries, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (entries[i].getKey().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The request fields the 2026-07-28 standard headers mirror (SEP-2243); read from headers only. */
    private static MessageEnvelope envelopeOf(Map<String, List<String>> headers) {
        Map<String, String> params = Map.of(); // a map only for the rare request that mirrors parameters
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().startsWith(PARAM_HEADER_PREFIX) && !e.getValue().isEmpty()) {
                if (params.isEmpty()) {
                    params = new HashMap<>();
                }
                params.put(
                        e.getKey().substring(PARAM_HEADER_PREFIX.length()),
                        e.getValue().get(0));
            }
        }
        String method = first(headers, "mcp-method");
        String name = first(headers, "mcp-name");
        String version = first(headers, "mcp-protocol-version");
        if (method == null && name == null && version == null && params.isEmpty()) {
            return MessageEnvelope.NONE;
        }
        return new MessageEnvelope(method == null ? null : method.strip(), name, version, params);
    }

    private static String first(Map<String, List<String>> headers, String lowerName) {
        List<String> values = headers.get(lowerName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
