package dev.jmcp.core.protocol.errors;

import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import java.util.List;
import java.util.Objects;

/**
 * The {@code data} of a -32042 "URL elicitation required" error (2025-11-25): the URL elicitations the
 * user must complete before the request can succeed.
 *
 * @param elicitations the elicitations, each with an {@code elicitationId}
 */
public record UrlElicitationRequiredData(List<UrlElicitRequest> elicitations) {
    /**
     * Creates the value; {@code elicitations} is required.
     *
     * @param elicitations the elicitations, each with an {@code elicitationId}
     */
    public UrlElicitationRequiredData {
        elicitations = List.copyOf(Objects.requireNonNull(elicitations, "elicitations"));
    }

    /**
     * Data for the given elicitations.
     *
     * @param elicitations the elicitations, each with an {@code elicitationId}
     * @return data for the given elicitations
     */
    public static UrlElicitationRequiredData of(List<UrlElicitRequest> elicitations) {
        return new UrlElicitationRequiredData(elicitations);
    }
}
