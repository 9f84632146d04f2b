package dev.jmcp.transport.http.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.AuthInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Converts the HTTP auth module's principal into the transport-neutral {@link AuthInfo} handlers see. */
public final class AuthInfos {
    private AuthInfos() {}

    /** The core view of a validated token: same token, client, subject, scopes, expiry; claims as plain values. */
    public static AuthInfo toCore(dev.jmcp.transport.http.auth.AuthInfo info) {
        Map<String, Object> claims = new LinkedHashMap<>();
        JsonNode node = info.claims();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue() != null && !e.getValue().isNull()) {
                    claims.put(e.getKey(), McpJson.fromTree(e.getValue(), Object.class));
                }
            }
        }
        return new AuthInfo(info.token(), info.clientId(), info.subject(), info.scopes(), info.expiresAt(), claims);
    }
}
