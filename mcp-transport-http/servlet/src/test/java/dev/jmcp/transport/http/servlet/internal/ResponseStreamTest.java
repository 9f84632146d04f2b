package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import org.junit.jupiter.api.Test;

class ResponseStreamTest {

    private static int status(int code) {
        return ResponseStream.httpStatus(new JsonRpcErrorResponse(RequestId.of(1), JsonRpcError.of(code, "x")));
    }

    @Test
    void modernJsonErrorsGetTheHttpStatusOfTheirCode() {
        assertThat(status(ErrorCodes.METHOD_NOT_FOUND)).isEqualTo(404);
        assertThat(status(ErrorCodes.INVALID_REQUEST)).isEqualTo(400);
        assertThat(status(ErrorCodes.HEADER_MISMATCH)).isEqualTo(400);
        assertThat(status(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION)).isEqualTo(400);
        assertThat(status(ErrorCodes.INVALID_PARAMS)).isEqualTo(200);
        assertThat(ResponseStream.httpStatus(new JsonRpcResponse(RequestId.of(1), McpJson.object())))
                .isEqualTo(200);
    }

    @Test
    void postStreamsOfExchangesAlwaysCancelOnDisconnect() {
        StreamMode handshake = new StreamMode(true, false);
        assertThat(ResponseStream.forSessionPost("1", handshake).cancelOnDisconnect)
                .isFalse();
        assertThat(ResponseStream.forExchange("1", handshake).cancelOnDisconnect)
                .isTrue();
        assertThat(ResponseStream.forSessionPost("1", new StreamMode(true, true)).cancelOnDisconnect)
                .isTrue();
        assertThat(ResponseStream.standalone("0").sse).isTrue();
    }
}
