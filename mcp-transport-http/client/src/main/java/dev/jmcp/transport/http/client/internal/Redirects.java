package dev.jmcp.transport.http.client.internal;

import dev.jmcp.transport.http.client.McpHttpException;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Redirects are not followed by the transport's own HTTP client ({@code Redirect.NEVER}): a followed redirect
 * would carry the {@code Authorization} and custom headers to wherever {@code Location} points. A 3xx answer fails
 * the exchange with a message naming the target, so the caller can configure the final URL.
 */
public final class Redirects {
    private Redirects() {}

    /** Whether the status is a redirect. */
    public static boolean isRedirect(int status) {
        return status >= 300 && status < 400 && status != 304;
    }

    /** The failure for a redirect answer (the body is drained). */
    public static McpHttpException refused(URI from, HttpResponse<java.io.InputStream> response) {
        return refused(
                from,
                response.statusCode(),
                response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    /** The failure for a redirect answer with {@code status} and {@code location} (the body is drained). */
    public static McpHttpException refused(URI from, int status, String location, java.io.InputStream body) {
        Bodies.drain(body);
        String target;
        try {
            URI to = from.resolve(location == null ? "" : location);
            target = to.getScheme() + "://" + to.getRawAuthority() + (to.getRawPath() == null ? "" : to.getRawPath());
        } catch (IllegalArgumentException e) {
            target = "an invalid Location";
        }
        return new McpHttpException(
                status,
                "the server redirected to " + target + "; redirects are not followed (they would carry the "
                        + "credentials and custom headers): configure the final endpoint URL");
    }
}
