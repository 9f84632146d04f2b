package dev.jmcp.core.protocol.elicitation;

import java.util.List;
import java.util.Objects;

/**
 * The {@code items} of a titled multi-select: {@code {anyOf: [{const, title}]}}.
 *
 * @param anyOf the options, each a value with its display title
 */
public record TitledEnumItems(List<EnumOption> anyOf) {
    /**
     * Creates the value; {@code anyOf} is required.
     *
     * @param anyOf the options, each a value with its display title
     */
    public TitledEnumItems {
        anyOf = List.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
    }

    /**
     * Items with the given options.
     *
     * @param anyOf the options, each a value with its display title
     * @return items with the given options
     */
    public static TitledEnumItems of(List<EnumOption> anyOf) {
        return new TitledEnumItems(anyOf);
    }
}
