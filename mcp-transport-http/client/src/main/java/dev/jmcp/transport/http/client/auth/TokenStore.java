package dev.jmcp.transport.http.client.auth;

import java.util.Optional;

/**
 * Where an OAuth client keeps its tokens. Implementations are thread-safe and must keep tokens secret (never log
 * them). Persistent stores should encrypt at rest.
 */
public interface TokenStore {
    /**
     * The tokens stored for the key, if any.
     *
     * @param key the key
     * @return the tokens stored for the key, if any
     */
    Optional<OAuthTokens> load(TokenKey key);

    /**
     * Stores (replaces) the tokens for the key.
     *
     * @param key the key
     * @param tokens the tokens
     */
    void save(TokenKey key, OAuthTokens tokens);

    /**
     * Forgets the tokens for the key.
     *
     * @param key the key
     */
    void remove(TokenKey key);
}
