package dev.jmcp.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The {@code resultType} of a 2026-07-28 result: {@link #COMPLETE}, {@link #INPUT_REQUIRED}, {@link #TASK}, or any other
 * string (the field is open). An absent {@code resultType} means complete.
 *
 * @param value the {@code resultType} as written in JSON, e.g. {@code complete}
 */
public record ResultType(String value) {
    /** The request finished; the result holds the final content. */
    public static final ResultType COMPLETE = new ResultType("complete");
    /** The server needs input first; retry with {@code inputResponses} and the echoed {@code requestState}. */
    public static final ResultType INPUT_REQUIRED = new ResultType("input_required");
    /** The tasks extension ({@code io.modelcontextprotocol/tasks}) created a task; poll it with {@code tasks/get}. */
    public static final ResultType TASK = new ResultType("task");

    /**
     * Creates a result type; null is refused.
     *
     * @param value the {@code resultType} as written in JSON, e.g. {@code complete}
     */
    public ResultType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The result type with the given wire value.
     *
     * @param value the {@code resultType} as written in JSON, e.g. {@code complete}
     * @return the result type with the given wire value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ResultType of(String value) {
        return switch (value) {
            case "complete" -> COMPLETE;
            case "input_required" -> INPUT_REQUIRED;
            case "task" -> TASK;
            default -> new ResultType(value);
        };
    }

    /**
     * The wire value.
     *
     * @return the wire value
     */
    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Whether a result with this type (null meaning absent) is complete.
     *
     * @param type the {@code resultType} of a result, or null when absent
     * @return {@code true} if a result with this type (null meaning absent) is complete
     */
    public static boolean isComplete(ResultType type) {
        return type == null || COMPLETE.equals(type);
    }

    @Override
    public String toString() {
        return value;
    }
}
