package dev.jmcp.client;

import dev.jmcp.core.McpException;

/**
 * A skill's content is not what its entry describes (SEP-2640, "Integrity and Verification"): a digest or size
 * mismatch, a file the entry does not list, a {@code SKILL.md} whose frontmatter differs from the entry's, or an
 * entry that must not be loaded. The content must not be used; refresh the entry ({@link SkillsClient#get}) and
 * proceed from the new one.
 */
public class SkillsVerificationException extends McpException {
    private static final long serialVersionUID = 1L;
    /** The URI of the skill content that failed verification. */
    private final String uri;

    /**
     * A verification failure of the file (or entry) {@code uri}.
     *
     * @param uri the URI
     * @param message the detail message
     */
    public SkillsVerificationException(String uri, String message) {
        super(message);
        this.uri = uri;
    }

    /**
     * The URI of the file or skill that failed verification.
     *
     * @return the URI of the file or skill that failed verification
     */
    public String uri() {
        return uri;
    }
}
