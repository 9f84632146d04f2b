package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.AuthInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds decoded POSTs for the admission tests. */
final class Posts {
    private Posts() {}

    /** A request body; {@code meta} true adds a 2026-07-28 {@code _meta}. */
    static String request(long id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }

    /** Params carrying a complete 2026-07-28 envelope plus {@code extra} fields (JSON members, may be empty). */
    static String modernParams(String extra) {
        return "{" + (extra.isEmpty() ? "" : extra + ",") + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}";
    }

    static DecodedPost post(String body, Map<String, String> headers) {
        return post(body, headers, null);
    }

    static DecodedPost post(String body, Map<String, String> headers, AuthInfo token) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<JsonRpcMessage> messages = JsonRpcCodec.defaults().decodeAll(bytes);
        Map<String, String> byLowerName = new TreeMap<>();
        headers.forEach((k, v) -> byLowerName.put(k.toLowerCase(Locale.ROOT), v));
        return DecodedPost.of(
                messages,
                JsonRpcCodec.looksLikeBatch(bytes),
                name -> byLowerName.get(name.toLowerCase(Locale.ROOT)),
                token);
    }

    static String json(Object value) {
        return McpJson.write(value);
    }
}
