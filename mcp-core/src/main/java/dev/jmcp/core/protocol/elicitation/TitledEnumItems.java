package dev.jmcp.core.protocol.elicitation;

import java.util.List;
import java.util.Objects;

/**
 * The {@code items} of a titled multi-select: {@code {anyOf: [{const, title}]}}.
 *
 * @param anyOf the options
 */
public record TitledEnumItems(List<EnumOption> anyOf) {
    /** Creates the value; {@code anyOf} is required. */
    public TitledEnumItems {
        anyOf = List.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
    }

    /** Items with the given options. */
    public static TitledEnumItems of(List<EnumOption> anyOf) {
        return new TitledEnumItems(anyOf);
    }
}
