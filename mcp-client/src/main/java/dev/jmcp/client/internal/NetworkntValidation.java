package dev.jmcp.client.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/** {@link SchemaValidation} on networknt's json-schema-validator; loaded only when that library is present. */
final class NetworkntValidation implements SchemaValidation {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));

    @Override
    public Compiled compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        return instance ->
                compiled.validate(instance).stream().map(Error::toString).toList();
    }
}
