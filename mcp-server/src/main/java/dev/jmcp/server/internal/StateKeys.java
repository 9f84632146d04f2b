package dev.jmcp.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES keys that seal 2026-07-28 {@code requestState}: one current key (new states are sealed with it) and
 * previous keys that still open states until their grace period ends, each named by a key id carried in the
 * state. Immutable.
 */
public final class StateKeys {
    /** The environment variable a server reads its keys from when none were configured in code. */
    public static final String ENVIRONMENT_VARIABLE = "JMCP_REQUEST_STATE_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(StateKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * One key.
     *
     * @param id the key id carried in every state sealed with it
     * @param key the AES key
     */
    public record Key(String id, SecretKey key) {
        /** Checks the id's form. */
        public Key {
            checkId(id);
            Objects.requireNonNull(key, "key");
        }

        /** A key from raw bytes (16, 24 or 32: AES-128, -192 or -256). */
        public static Key of(String id, byte[] bytes) {
            return new Key(id, aes(bytes));
        }

        /** A key whose id is derived from the bytes, so every instance configured with them agrees on it. */
        public static Key derived(byte[] bytes) {
            return of(derivedId(bytes), bytes);
        }
    }

    /** Null until first needed for a random key (made on first use: its SecureRandom costs start-up time). */
    private volatile Key current;

    private final Map<String, Key> previous;
    private final Instant previousUntil;
    private final boolean configured;

    private StateKeys(Key current, List<Key> previous, Instant previousUntil, boolean configured) {
        this.current = configured ? Objects.requireNonNull(current, "current") : current;
        Map<String, Key> byId = new LinkedHashMap<>();
        for (Key k : previous) {
            if (!k.id().equals(current.id())) {
                byId.put(k.id(), k);
            }
        }
        this.previous = Map.copyOf(byId);
        this.previousUntil = previousUntil;
        this.configured = configured;
    }

    /**
     * Configured keys.
     *
     * @param current seals new states
     * @param previous still open states until {@code grace} after now
     * @param grace how long previous keys are accepted
     */
    public static StateKeys of(Key current, List<Key> previous, Duration grace) {
        return new StateKeys(current, List.copyOf(previous), Instant.now().plus(grace), true);
    }

    /**
     * A random key known to this process only (retries must reach the same instance); logs that once. The key is
     * made when first needed (the first state sealed or opened), not when the server is built.
     */
    public static StateKeys random() {
        return new StateKeys(null, List.of(), Instant.EPOCH, false);
    }

    private static Key newRandomKey() {
        LOG.info("No request-state key configured (McpServer.Builder.requestStateKey or " + ENVIRONMENT_VARIABLE
                + "): this server seals 2026-07-28 requestState with a random key of its own, so"
                + " input_required retries must reach this same instance");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Key.derived(bytes);
    }

    /**
     * Parses a key list: {@code base64} (the key id derived from the key) or {@code kid:base64[,kid:base64...]};
     * the first entry is the current key, the others are previous keys. Standard or URL-safe base64.
     *
     * @throws IllegalArgumentException naming what is wrong (never the key material)
     */
    public static List<Key> parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        List<Key> keys = new ArrayList<>();
        for (String part : spec.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            byte[] bytes = decode(colon < 0 ? entry : entry.substring(colon + 1));
            keys.add(colon < 0 ? Key.derived(bytes) : Key.of(entry.substring(0, colon), bytes));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the request-state key list is empty");
        }
        return keys;
    }

    /** The key new states are sealed with. */
    public Key current() {
        Key k = current;
        if (k == null) {
            synchronized (this) {
                k = current;
                if (k == null) {
                    k = newRandomKey();
                    current = k;
                }
            }
        }
        return k;
    }

    /** Whether the keys were configured (else a random per-process key). */
    public boolean configured() {
        return configured;
    }

    /** The key with this id if it may open states at {@code now}, else null. */
    Key find(String id, Instant now) {
        Key cur = current();
        if (cur.id().equals(id)) {
            return cur;
        }
        Key k = previous.get(id);
        return k != null && now.isBefore(previousUntil) ? k : null;
    }

    /** Whether {@code id} names a previous key whose grace period ended. */
    boolean retired(String id) {
        return previous.containsKey(id);
    }

    static void checkId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a request-state key id must be 1-64 characters of [A-Za-z0-9_-]");
        }
    }

    private static SecretKey aes(byte[] bytes) {
        Objects.requireNonNull(bytes, "key");
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(
                    "a request-state key must have 16, 24 or 32 bytes (AES), not " + bytes.length);
        }
        return new SecretKeySpec(bytes.clone(), "AES");
    }

    private static byte[] decode(String b64) {
        String s = b64.strip();
        try {
            return s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s)
                    : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a request-state key is not valid base64");
        }
    }

    private static String derivedId(byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("jmcp-request-state-key-id".getBytes(StandardCharsets.UTF_8));
            return "k" + HexFormat.of().formatHex(md.digest(bytes), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
