package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.ParamHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * SEP-2243: on a transport that mirrors request fields (2026-07-28 Streamable HTTP, recognised by its declared
 * method) every argument the tool annotates with {@code x-mcp-header} must arrive in a matching mirrored parameter
 * ({@code Mcp-Param-*} header), and such a parameter must not come without its argument; otherwise HeaderMismatch
 * (-32020, HTTP 400). Only 2026-07-28 requests are checked.
 *
 * <p>A tool's declarations are read from its input schema once, on its first checked call, and kept by tool name
 * for as long as the same schema object is registered under that name (not walked again on every call).
 */
final class ParamHeaderCheck {
    /** Beyond this many tool names the cache starts over (tools added and removed at run time under new names). */
    private static final int MAX_CACHED = 4096;

    private static final Map<String, Declared> DECLARED = new ConcurrentHashMap<>();

    private ParamHeaderCheck() {}

    /**
     * The declarations read from one input schema.
     *
     * @param schema the schema they were read from (compared by identity)
     * @param declarations its {@code x-mcp-header} declarations
     */
    private record Declared(JsonNode schema, List<ParamHeaders.Declaration> declarations) {}

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
        for (ParamHeaders.Declaration d : declarations(tool)) {
            problem(d, envelope.param(d.name()), d.valueIn(args)).ifPresent(problem -> {
                throw new ProtocolError(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + problem);
            });
        }
    }

    /** The tool's declarations, read once per schema object. */
    private static List<ParamHeaders.Declaration> declarations(Tool tool) {
        JsonNode schema = tool.inputSchema();
        Declared known = DECLARED.get(tool.name());
        if (known != null && known.schema() == schema) {
            return known.declarations();
        }
        List<ParamHeaders.Declaration> declarations = List.copyOf(ParamHeaders.ofOrEmpty(schema));
        if (DECLARED.size() >= MAX_CACHED) {
            DECLARED.clear();
        }
        DECLARED.put(tool.name(), new Declared(schema, declarations));
        return declarations;
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
