package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.transport.http.servlet.internal.Http;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer refusing an HTTP request: a status, a JSON-RPC error body and any extra headers ({@code Allow},
 * {@code WWW-Authenticate}).
 *
 * @param status the HTTP status
 * @param body the JSON-RPC error response
 * @param headers extra response headers
 */
public record Rejection(int status, JsonRpcErrorResponse body, Map<String, String> headers) {

    /** Copies the headers. */
    public Rejection {
        headers = Map.copyOf(headers);
    }

    /** A refusal with a JSON-RPC error of {@code code} answering {@code id} (null for none). */
    public static Rejection of(int status, RequestId id, int code, String message) {
        return new Rejection(status, new JsonRpcErrorResponse(id, JsonRpcError.of(code, message)), Map.of());
    }

    /** A refusal with a ready-made error body. */
    public static Rejection of(int status, JsonRpcErrorResponse body) {
        return new Rejection(status, body, Map.of());
    }

    /** 405 with the {@code Allow} header listing {@code allow}. */
    public static Rejection methodNotAllowed(String allow) {
        return of(405, null, ErrorCodes.INVALID_REQUEST, "Method not allowed").withHeader("Allow", allow);
    }

    /** This refusal with one more response header. */
    public Rejection withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Rejection(status, body, more);
    }

    /** The JSON-RPC error code. */
    public int code() {
        return body.error().code();
    }

    /**
     * Writes this refusal (blocking; the body is small) with {@code Connection: close}. A refusal is usually sent
     * before the request body was read; the container then closes the connection once the rest of the body
     * arrives, and a keep-alive client that was not told would send its next request into a closed connection
     * (found by {@code StreamableHttpEndpointFuzzTest}).
     */
    public void send(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        headers.forEach(response::setHeader);
        Http.errorBody(response, status, body);
    }
}
