package dev.jmcp.transport.http.client.auth;

import dev.jmcp.transport.http.common.OAuthException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The interactive step of the authorization code flow: send the user to the authorization URL and return the
 * parameters of the redirect back to the client.
 */
@FunctionalInterface
public interface AuthorizationCodeHandler {
    /**
     * Lets the user authorize and returns the redirect's parameters.
     *
     * @param authorizationUrl the full authorization request URL (http or https)
     * @param timeout how long to wait at most
     * @return the redirect's parameters
     * @throws OAuthException when the user did not complete the step in time or it failed
     */
    AuthorizationResponse authorize(URI authorizationUrl, Duration timeout);

    /**
     * The redirect URI this handler receives, when it decides it (e.g. a loopback listener); empty otherwise.
     *
     * @return the redirect URI this handler receives, when it decides it (e.g. a loopback listener); empty otherwise
     */
    default Optional<URI> redirectUri() {
        return Optional.empty();
    }
}
