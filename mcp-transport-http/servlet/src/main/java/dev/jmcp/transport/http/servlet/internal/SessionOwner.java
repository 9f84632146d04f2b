package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Who a session belongs to, and whose quota it counts against. An authenticated caller is bound by a namespaced
 * key, so that a {@code sub} and an equal {@code client_id} never match: {@code sub:<length of iss>:<iss> <sub>}
 * for a subject (a subject is unique per issuer),
 * else {@code client:<client_id>}, else (a token that names no principal) {@code token:<SHA-256 of the token>},
 * so that only the same token can use the session. An unauthenticated caller binds to no one ({@code null}), which
 * matches only other unauthenticated requests, and counts against its client address.
 *
 * @param binding the key a session is bound to; null for an unauthenticated caller
 * @param quotaKey the key the caller's sessions are counted under
 */
public record SessionOwner(String binding, String quotaKey) {
    private static final String NAMELESS = "nameless";
    private static final String SUB = "sub:";
    private static final String CLIENT = "client:";

    /** Checks the quota key. */
    public SessionOwner {
        Objects.requireNonNull(quotaKey, "quotaKey");
    }

    /** The owner of a request from {@code remoteAddress} whose caller is in {@code context}. */
    public static SessionOwner of(InboundContext context, String remoteAddress) {
        AuthInfo info = context.auth();
        if (info == null) {
            return new SessionOwner(null, "addr:" + remoteAddress);
        }
        String binding = bindingOf(info);
        return new SessionOwner(binding, binding);
    }

    /** Whether the credentials name no one: no subject, no client id, no token (then no session is opened). */
    public boolean isNameless() {
        return NAMELESS.equals(binding);
    }

    /**
     * Whether the caller in {@code context} may use a session bound to {@code sessionBinding}: the same principal,
     * or both unauthenticated. Allocates nothing for an unauthenticated caller (a bearer token's validation costs far
     * more than the key built here).
     */
    public static boolean mayUse(String sessionBinding, InboundContext context) {
        AuthInfo info = context.auth();
        if (info == null || sessionBinding == null) {
            return info == null && sessionBinding == null;
        }
        return !NAMELESS.equals(sessionBinding) && sessionBinding.equals(bindingOf(info));
    }

    private static String bindingOf(AuthInfo info) {
        if (info.subject() != null) {
            String issuer = issuerOf(info);
            return SUB + issuer.length() + ":" + issuer + " " + info.subject();
        }
        if (info.clientId() != null) {
            return CLIENT + info.clientId();
        }
        if (info.token() != null) {
            return "token:" + sha256(info.token());
        }
        return NAMELESS;
    }

    private static String issuerOf(AuthInfo info) {
        return info.claims().get("iss") instanceof String iss ? iss : "";
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
