package dev.jmcp.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The released MCP revisions and what each allows. Version-dependent behaviour asks this type; nothing else
 * compares date strings.
 *
 * <p>Revisions fall in two eras: {@linkplain #isHandshakeEra() handshake} (2024-11-05 to 2025-11-25:
 * {@code initialize}, sessions, server-to-client requests) and {@linkplain #isStateless() stateless}
 * (2026-07-28: per-request {@code _meta}, {@code server/discover}, {@code input_required} results).
 */
public enum ProtocolVersion {
    /** The first public revision: HTTP+SSE transport. */
    V2024_11_05("2024-11-05"),
    /** Streamable HTTP, batches, tool annotations, audio content, the {@code completions} capability. */
    V2025_03_26("2025-03-26"),
    /** Structured tool output, resource links, elicitation, {@code MCP-Protocol-Version} header; no batches. */
    V2025_06_18("2025-06-18"),
    /** Tasks, URL elicitation, sampling with tools, icons, SEP-1699 polling. */
    V2025_11_25("2025-11-25"),
    /** Stateless: no handshake, {@code server/discover}, multi-round-trip results, {@code subscriptions/listen}. */
    V2026_07_28("2026-07-28");

    /** The newest revision jmcp speaks. */
    public static final ProtocolVersion LATEST = V2026_07_28;
    /** The newest revision of the handshake era. */
    public static final ProtocolVersion LATEST_HANDSHAKE = V2025_11_25;
    /** The version a Streamable HTTP server assumes when a request carries no version header. */
    public static final ProtocolVersion HTTP_DEFAULT = V2025_03_26;

    private final String id;

    ProtocolVersion(String id) {
        this.id = id;
    }

    /** {@link #values()} once: {@link #parse} runs on every 2026-07-28 request and must not clone it. */
    private static final ProtocolVersion[] ALL = values();

    /**
     * The revision's wire form, e.g. {@code "2025-11-25"}.
     *
     * @return the revision's wire form
     */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * The revision with the given wire form, if jmcp knows it.
     *
     * @param id the revision's wire form, such as {@code 2025-06-18}
     * @return the revision with the given wire form, if jmcp knows it
     */
    public static Optional<ProtocolVersion> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (ProtocolVersion v : ALL) {
            if (v.id.equals(id)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Every revision's wire form, oldest first.
     *
     * @return every revision's wire form, oldest first
     */
    public static List<String> allIds() {
        return Arrays.stream(values()).map(ProtocolVersion::id).toList();
    }

    /**
     * The handshake-era revisions' wire forms, newest first, as a server lists them in an error.
     *
     * @return the handshake-era revisions' wire forms, newest first, as a server lists them in an error
     */
    public static List<String> handshakeIds() {
        return Arrays.stream(values())
                .filter(ProtocolVersion::isHandshakeEra)
                .map(ProtocolVersion::id)
                .sorted((a, b) -> b.compareTo(a))
                .toList();
    }

    /**
     * The revision a handshake-era server answers to an {@code initialize} that asked for {@code requested}:
     * the same revision if it is a handshake-era one jmcp knows, else {@link #LATEST_HANDSHAKE}.
     *
     * @param requested the {@code protocolVersion} the client sent
     * @return the revision a handshake-era server answers to an {@code initialize} that asked for {@code requested}
     */
    public static ProtocolVersion negotiateHandshake(String requested) {
        return parse(requested).filter(ProtocolVersion::isHandshakeEra).orElse(LATEST_HANDSHAKE);
    }

    /**
     * Whether this revision is at least {@code other}.
     *
     * @param other the revision to compare with
     * @return {@code true} if this revision is at least {@code other}
     */
    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    /**
     * 2024-11-05 to 2025-11-25: {@code initialize}, sessions and server-to-client requests.
     *
     * @return {@code true} for 2024-11-05 to 2025-11-25
     */
    public boolean isHandshakeEra() {
        return this != V2026_07_28;
    }

    /**
     * 2026-07-28: every request stands alone and carries version, capabilities and client info in {@code _meta}.
     *
     * @return {@code true} for 2026-07-28
     */
    public boolean isStateless() {
        return this == V2026_07_28;
    }

    /**
     * JSON-RPC batches: 2025-03-26 only.
     *
     * @return {@code true} for 2025-03-26 only
     */
    public boolean allowsBatches() {
        return this == V2025_03_26;
    }

    /**
     * Tool annotations, audio content, progress messages and the {@code completions} capability.
     *
     * @return {@code true} if this revision has them (2025-03-26 and later)
     */
    public boolean hasToolAnnotations() {
        return atLeast(V2025_03_26);
    }

    /**
     * {@code structuredContent}, {@code outputSchema}, {@code resource_link}, titles, form elicitation.
     *
     * @return {@code true} if this revision has them (2025-06-18 and later)
     */
    public boolean hasStructuredContent() {
        return atLeast(V2025_06_18);
    }

    /**
     * Form-mode elicitation ({@code elicitation/create}).
     *
     * @return {@code true} if this revision has it (2025-06-18 and later)
     */
    public boolean hasElicitation() {
        return atLeast(V2025_06_18);
    }

    /**
     * The {@code MCP-Protocol-Version} HTTP header.
     *
     * @return {@code true} if HTTP requests carry it (2025-06-18 and later)
     */
    public boolean hasProtocolVersionHeader() {
        return atLeast(V2025_06_18);
    }

    /**
     * Tasks (SEP-1686) in the core protocol; 2026-07-28 moved them to an extension.
     *
     * @return {@code true} for 2025-11-25 only
     */
    public boolean hasCoreTasks() {
        return this == V2025_11_25;
    }

    /**
     * URL-mode elicitation, icons and sampling with tools.
     *
     * @return {@code true} if this revision has them (2025-11-25 and later)
     */
    public boolean hasUrlElicitation() {
        return atLeast(V2025_11_25);
    }

    /**
     * Sampling requests may carry {@code tools} and {@code toolChoice} (SEP-1577).
     *
     * @return {@code true} if this revision allows them (2025-11-25 and later)
     */
    public boolean hasSamplingTools() {
        return atLeast(V2025_11_25);
    }

    /**
     * {@code title} on tools, prompts, prompt arguments, resources, templates and {@code Implementation}.
     *
     * @return {@code true} if this revision has them (2025-06-18 and later)
     */
    public boolean hasTitles() {
        return atLeast(V2025_06_18);
    }

    /**
     * {@code outputSchema} on tools (with {@code structuredContent} in results).
     *
     * @return {@code true} if this revision has it (2025-06-18 and later)
     */
    public boolean hasOutputSchema() {
        return atLeast(V2025_06_18);
    }

    /**
     * {@code _meta} on listed definitions (tools, prompts, resources, resource templates).
     *
     * @return {@code true} if this revision has it (2025-06-18 and later)
     */
    public boolean hasDefinitionMeta() {
        return atLeast(V2025_06_18);
    }

    /**
     * {@code icons} on definitions and {@code Implementation}, plus its {@code description} and {@code websiteUrl}.
     *
     * @return {@code true} if this revision has them (2025-11-25 and later)
     */
    public boolean hasIcons() {
        return atLeast(V2025_11_25);
    }

    /**
     * {@code execution} ({@code taskSupport}) on tools.
     *
     * @return {@code true} if this revision has it (2025-11-25 and later)
     */
    public boolean hasToolExecution() {
        return atLeast(V2025_11_25);
    }

    /**
     * {@code ping}, removed in 2026-07-28.
     *
     * @return {@code true} before 2026-07-28
     */
    public boolean hasPing() {
        return isHandshakeEra();
    }

    /**
     * {@code logging/setLevel}, replaced by the per-request {@code _meta} log level in 2026-07-28.
     *
     * @return {@code true} before 2026-07-28
     */
    public boolean hasSetLevel() {
        return isHandshakeEra();
    }

    /**
     * The error code for an unknown resource: -32002 before 2026-07-28, -32602 from it.
     *
     * @return the error code for an unknown resource: -32002 before 2026-07-28, -32602 from it
     */
    public int resourceNotFoundCode() {
        return isStateless() ? ErrorCodes.INVALID_PARAMS : ErrorCodes.RESOURCE_NOT_FOUND;
    }
}
