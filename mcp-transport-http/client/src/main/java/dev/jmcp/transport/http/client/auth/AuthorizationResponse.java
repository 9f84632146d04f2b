package dev.jmcp.transport.http.client.auth;

/**
 * The parameters of the redirect that ends the interactive authorization step.
 *
 * @param code the authorization code, or null when the server returned an error
 * @param state the {@code state} echoed by the server
 * @param iss the {@code iss} parameter (RFC 9207), or null
 * @param error the OAuth error code, or null
 * @param errorDescription the error description, or null
 */
public record AuthorizationResponse(String code, String state, String iss, String error, String errorDescription) {
    /**
     * A successful response.
     *
     * @param code the code
     * @param state the state
     * @param iss the issuer
     * @return a successful response
     */
    public static AuthorizationResponse of(String code, String state, String iss) {
        return new AuthorizationResponse(code, state, iss, null, null);
    }

    @Override
    public String toString() {
        return "AuthorizationResponse[code=" + (code == null ? "null" : "<redacted>") + ", state=" + state + ", iss="
                + iss + ", error=" + error + "]";
    }
}
