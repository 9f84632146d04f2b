package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A selectable value with a display title ({@code {const, title}}).
 *
 * @param value the value submitted when the option is selected
 * @param title the label shown for the value
 */
public record EnumOption(@JsonProperty("const") String value, String title) {
    /**
     * Creates the value; {@code value}, {@code title} are required.
     *
     * @param value the value submitted when the option is selected
     * @param title the label shown for the value
     */
    public EnumOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(title, "title");
    }

    /**
     * An option with a value and a title.
     *
     * @param value the value submitted when the option is selected
     * @param title the label shown for the value
     * @return an option with a value and a title
     */
    public static EnumOption of(String value, String title) {
        return new EnumOption(value, title);
    }
}
