package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.internal.MessageFields;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link ScopePolicy} to every request of a POST: a token lacking a scope some request needs gets 403
 * {@code insufficient_scope}, so the client can step up. Passes when there is no policy or no validated token.
 */
public final class ScopeCheck implements PostCheck {
    private final ResourceServerAuth auth;
    private final ScopePolicy policy;

    /** A check with {@code policy} (may be null: everything passes), challenging through {@code auth}. */
    public ScopeCheck(ResourceServerAuth auth, ScopePolicy policy) {
        this.auth = auth;
        this.policy = policy;
    }

    @Override
    public Optional<Rejection> check(DecodedPost post) {
        return check(post.messages(), post.token(), post.firstId());
    }

    /** Checks {@code messages} against {@code token}; a refusal answers {@code replyId} (may be null). */
    public Optional<Rejection> check(List<JsonRpcMessage> messages, AuthInfo token, RequestId replyId) {
        if (policy == null || auth == null || token == null) {
            return Optional.empty();
        }
        Set<String> needed = new LinkedHashSet<>();
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest r) {
                Set<String> scopes = policy.requiredScopes(r.method(), MessageFields.mcpName(r));
                if (scopes != null) {
                    needed.addAll(scopes);
                }
            }
        }
        if (token.scopes().containsAll(needed)) {
            return Optional.empty();
        }
        return Optional.of(Challenges.rejection(auth.insufficientScope(token, needed), replyId));
    }
}
