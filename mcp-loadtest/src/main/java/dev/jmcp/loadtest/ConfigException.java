package dev.jmcp.loadtest;

import dev.jmcp.core.McpException;

/** A configuration that cannot be used; the message names the file, the line (when known) and the field. */
public final class ConfigException extends McpException {
    private static final long serialVersionUID = 1L;

    /** The file (or other source) the configuration came from. */
    private final String source;
    /** The line of the mistake in the source, when known. */
    private final int line;
    /** The configuration field that cannot be used. */
    private final String field;

    /**
     * Creates the exception; {@code line} is 0 when unknown, {@code field} may be {@code null}.
     *
     * @param source the source
     * @param line the line
     * @param field the field
     * @param problem the problem
     */
    public ConfigException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(source == null ? "<config>" : source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    /**
     * The file (or other source) name.
     *
     * @return the file (or other source) name
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line, or 0 when unknown.
     *
     * @return the 1-based line, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The field path ({@code scenario[2].tool}), or {@code null}.
     *
     * @return the field path ({@code scenario[2].tool}), or {@code null}
     */
    public String field() {
        return field;
    }
}
