/**
 * JSON Schema 2020-12 generation from Java types (records, POJOs through Jackson's introspection, enums,
 * containers, {@code java.time}...), with Jackson and optional Jakarta Validation annotations. Not public API: use
 * {@link dev.jmcp.server.JsonSchemas}.
 */
package dev.jmcp.server.internal.schema;
