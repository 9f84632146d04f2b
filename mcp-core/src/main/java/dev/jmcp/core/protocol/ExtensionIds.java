package dev.jmcp.core.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The naming rules of extension identifiers ({@code {vendor-prefix}/{extension-name}}, SEP-2133) and of the
 * {@code _meta} keys an extension defines: a prefix of dot-separated labels ending in {@code /} (mandatory for an
 * extension identifier, optional for a {@code _meta} key) and a name that starts and ends with a letter or digit.
 */
public final class ExtensionIds {
    private static final String LABEL = "[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String PREFIX = LABEL + "(?:\\." + LABEL + ")*/";
    private static final String NAME = "[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?";
    private static final Pattern ID = Pattern.compile(PREFIX + NAME);
    private static final Pattern META_KEY = Pattern.compile("(?:" + PREFIX + ")?" + NAME);

    private ExtensionIds() {}

    /**
     * Whether {@code id} is a well-formed extension identifier such as {@code io.modelcontextprotocol/skills}.
     *
     * @param id the candidate extension identifier
     * @return {@code true} if {@code id} is a well-formed extension identifier such as
     *     {@code io.modelcontextprotocol/skills}
     */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * Returns {@code id} when it is a well-formed extension identifier.
     *
     * @param id the candidate extension identifier
     * @return {@code id} when it is a well-formed extension identifier
     * @throws IllegalArgumentException naming the rule it breaks
     */
    public static String requireValid(String id) {
        Objects.requireNonNull(id, "id");
        if (!isValid(id)) {
            throw new IllegalArgumentException("not an extension identifier ({vendor-prefix}/{extension-name}, e.g."
                    + " com.example/my-extension): " + id);
        }
        return id;
    }

    /**
     * Returns {@code key} when it is a well-formed {@code _meta} key.
     *
     * @param key the candidate {@code _meta} key
     * @return {@code key} when it is a well-formed {@code _meta} key
     * @throws IllegalArgumentException when it is not
     */
    public static String requireValidMetaKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!META_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a _meta key ([prefix/]name): " + key);
        }
        return key;
    }
}
