package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.ParamHeaders;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * SEP-2243: on a transport that mirrors request fields (2026-07-28 Streamable HTTP, recognised by its declared
 * method) every argument the tool annotates with {@code x-mcp-header} must arrive in a matching mirrored parameter
 * ({@code Mcp-Param-*} header), and such a parameter must not come without its argument; otherwise HeaderMismatch
 * (-32020, HTTP 400). Only 2026-07-28 requests are checked.
 */
final class ParamHeaderCheck {
    private ParamHeaderCheck() {}

    /** Checks the mirrored parameters of a {@code tools/call}. */
    static void check(Call call, Tool tool, JsonNode args) {
        if (call.stateless()) {
            check(call.request().context().envelope(), tool, args);
        }
    }

    /**
     * Checks the mirrored parameters of {@code envelope} against {@code args}.
     *
     * @throws ProtocolError HeaderMismatch (-32020) on the first problem
     */
    static void check(MessageEnvelope envelope, Tool tool, JsonNode args) {
        if (!envelope.mirrored()) {
            return;
        }
        for (ParamHeaders.Declaration d : ParamHeaders.ofOrEmpty(tool.inputSchema())) {
            problem(d, envelope.param(d.name()), d.valueIn(args)).ifPresent(problem -> {
                throw new ProtocolError(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + problem);
            });
        }
    }

    private static Optional<String> problem(
            ParamHeaders.Declaration d, Optional<String> header, Optional<JsonNode> value) {
        String path = "arguments." + String.join(".", d.path());
        if (value.isPresent()) {
            return header.isEmpty()
                    ? Optional.of("the " + d.headerName() + " header is required (" + path + " is set)")
                    : ParamHeaders.mismatch(d, header.get(), value.get());
        }
        return header.isPresent() ? Optional.of(d.headerName() + " is set but " + path + " is not") : Optional.empty();
    }
}
