package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.OAuthException;
import java.util.Set;

/** A valid token lacks scopes the request needs; the server answers 403 {@code insufficient_scope}. */
public class InsufficientScopeException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final transient AuthInfo info;
    /** The scopes the request needs. */
    private final Set<String> requiredScopes;

    /**
     * Creates the exception for a principal and the scopes it lacks or needs.
     *
     * @param info the info
     * @param requiredScopes the required scopes
     */
    public InsufficientScopeException(AuthInfo info, Set<String> requiredScopes) {
        super("token lacks required scopes " + requiredScopes, "insufficient_scope", null);
        this.info = info;
        this.requiredScopes = Set.copyOf(requiredScopes);
    }

    /**
     * The principal of the (valid) token.
     *
     * @return the principal of the (valid) token
     */
    public AuthInfo info() {
        return info;
    }

    /**
     * The scopes the request needs.
     *
     * @return the scopes the request needs
     */
    public Set<String> requiredScopes() {
        return requiredScopes;
    }
}
