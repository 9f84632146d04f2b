package dev.jmcp.server;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.errors.UrlElicitationRequiredData;
import java.util.List;
import java.util.Objects;

/**
 * Thrown by a handler that cannot go on until the user completed one or more URL-mode elicitations
 * (2025-11-25): the request is answered with the JSON-RPC error -32042 ({@code URL_ELICITATION_REQUIRED}) whose
 * {@code data.elicitations} lists them, even from a tool (it is not turned into an {@code isError} result). When
 * the user finished, send {@link ServerSession#completeUrlElicitation} so the client may retry.
 *
 * <p>The 2026-07-28 revision has no -32042 (and no {@code elicitationId}): there the elicitations are asked for as
 * an {@code input_required} result, keyed {@code url-elicitation:<elicitationId>}, and the handler runs again when
 * the client retries with the answers. If it still throws for the same elicitations after the client answered
 * them, the request fails like any other handler failure.
 */
public final class UrlElicitationRequiredException extends McpRpcException {
    private static final long serialVersionUID = 1L;

    private final transient List<UrlElicitRequest> elicitations;

    /**
     * @param message why the elicitations are needed
     * @param elicitations the URL elicitations, each with an {@code elicitationId}
     */
    public UrlElicitationRequiredException(String message, List<UrlElicitRequest> elicitations) {
        super(new JsonRpcError(
                ErrorCodes.URL_ELICITATION_REQUIRED,
                Objects.requireNonNull(message, "message"),
                McpJson.toTree(UrlElicitationRequiredData.of(check(elicitations)))));
        this.elicitations = List.copyOf(elicitations);
    }

    /**
     * The elicitations the user must complete.
     *
     * @return the elicitations the user must complete
     */
    public List<UrlElicitRequest> elicitations() {
        return elicitations;
    }

    private static List<UrlElicitRequest> check(List<UrlElicitRequest> elicitations) {
        if (elicitations == null || elicitations.isEmpty()) {
            throw new IllegalArgumentException("at least one URL elicitation is required");
        }
        for (UrlElicitRequest e : elicitations) {
            if (e.elicitationId() == null) {
                throw new IllegalArgumentException("every URL elicitation needs an elicitationId");
            }
        }
        return elicitations;
    }
}
