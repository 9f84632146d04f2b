package dev.jmcp.transport.http.client.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TokenStore} that keeps tokens in memory for the life of the process. */
public final class InMemoryTokenStore implements TokenStore {
    private final Map<TokenKey, OAuthTokens> tokens = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryTokenStore() {}

    @Override
    public Optional<OAuthTokens> load(TokenKey key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void save(TokenKey key, OAuthTokens value) {
        tokens.put(key, value);
    }

    @Override
    public void remove(TokenKey key) {
        tokens.remove(key);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + tokens.size() + " entries]";
    }
}
