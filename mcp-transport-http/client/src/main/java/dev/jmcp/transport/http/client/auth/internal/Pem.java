package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.common.OAuthException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads PKCS#8 private keys from PEM text. */
public final class Pem {
    private Pem() {}

    /**
     * Reads a {@code -----BEGIN PRIVATE KEY-----} block.
     *
     * @param algorithm the key algorithm ({@code EC} or {@code RSA})
     * @throws OAuthException when the text is not a PKCS#8 key of that algorithm
     */
    public static PrivateKey privateKey(String pem, String algorithm) {
        if (pem == null || !pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new OAuthException("expected a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27);
        int end = base64.indexOf("-----END PRIVATE KEY-----");
        if (end < 0) {
            throw new OAuthException("PEM private key has no END line");
        }
        base64 = base64.substring(0, end).replaceAll("\\s+", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new OAuthException("cannot read the " + algorithm + " private key: " + e.getMessage(), e);
        }
    }
}
