package dev.jmcp.client.internal;

import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Compiles JSON Schemas for {@link OutputSchemas}: backed by the optional networknt validator, or none. */
interface SchemaValidation {
    /** No validator on the class path: nothing is compiled or validated. */
    SchemaValidation NONE = schema -> {
        throw new IllegalStateException("no JSON Schema validator on the class path");
    };

    /** The class whose presence means the networknt validator can be used. */
    String NETWORKNT_PROBE = "com.networknt.schema.SchemaRegistry";

    /** A compiled schema. */
    interface Compiled {
        /** The problems of {@code instance} against the schema; empty when it conforms. */
        List<String> validate(JsonNode instance);
    }

    /** Compiles {@code schema} (2020-12 by default, remote references never fetched). */
    Compiled compile(JsonNode schema);

    /** The networknt validator when {@code present} says its classes load, else {@link #NONE}. */
    static SchemaValidation detect(Predicate<String> present) {
        return present.test(NETWORKNT_PROBE) ? new NetworkntValidation() : NONE;
    }
}
