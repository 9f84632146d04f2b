package dev.jmcp.server.internal;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.SchemaLoader;
import dev.jmcp.core.McpJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Compiles and applies JSON Schemas (2020-12 when {@code $schema} is absent; drafts 4, 6, 7 and 2019-09 when it
 * names them; anything else is refused), never fetching a referenced document, and keeps a bounded LRU cache of compiled schemas
 * (by content) behind a small identity cache: a schema node must not be mutated once it was handed to the server.
 */
public final class Schemas {
    private static final int MAX_REPORTED = 10;

    /**
     * Never fetches anything: no remote (http, https, ftp...) or file retrieval. A {@code $ref} resolves only
     * inside its document or to a meta-schema bundled in the validator's jar (json-schema.org ids are mapped to
     * the classpath copy); any other external reference fails to compile. Made on the first compilation (the
     * validator's classes cost start-up time a server whose schemas are all flat never needs).
     */
    private volatile SchemaRegistry registry;

    private static final int RECENT_SLOTS = 64;

    private final Map<String, Schema> cache;
    /**
     * Front cache by identity: a registered tool validates every call against the same schema node, so the
     * common case needs neither serialising the schema into the cache key nor the synchronised LRU lookup.
     */
    private final AtomicReferenceArray<Recent> recent = new AtomicReferenceArray<>(RECENT_SLOTS);

    /**
     * A schema seen before, by identity, with its quick check and its compiled form (compiled on first need).
     * Thread-safe: two threads that compile at once compile the same content, and either result serves.
     */
    private final class Recent {
        final JsonNode schema;
        final String what;
        /** The quick check when the schema is a flat object schema, else null. */
        final FlatObjectSchema flat;
        /** Whether the schema certainly compiles (flat, or see {@link CompilableSchema}): compiled on first need. */
        final boolean deferred;

        private volatile Schema compiled;

        Recent(JsonNode schema, String what, FlatObjectSchema flat) {
            this.schema = schema;
            this.what = what;
            this.flat = flat;
            this.deferred = flat != null || CompilableSchema.certainly(schema);
        }

        Schema compiled() {
            Schema s = compiled;
            if (s == null) {
                s = compileByContent(what, schema);
                compiled = s;
            }
            return s;
        }
    }

    /** A cache of at most {@code maxEntries} compiled schemas. */
    public Schemas(int maxEntries) {
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
                return size() > maxEntries;
            }
        });
    }

    /**
     * Checks a schema: its dialect, and that it compiles. A flat object schema (see {@link FlatObjectSchema}) and a
     * schema that {@link CompilableSchema} proves compilable are compiled on their first full validation instead
     * (a flat schema's valid calls never need it); any other schema is compiled now, into the cache.
     *
     * @throws IllegalArgumentException when the dialect is unsupported or the schema is invalid
     */
    public void check(String what, JsonNode schema) {
        Recent r = recent(what, schema);
        if (!r.deferred) {
            r.compiled();
        }
    }

    /** Validates {@code instance}; returns the problems (empty when valid), at most ten. */
    public List<String> validate(String what, JsonNode schema, JsonNode instance) {
        Recent r = recent(what, schema);
        if (r.flat != null && r.flat.certainlyValid(instance)) {
            return List.of(); // the common tool schema, checked without the validator (see FlatObjectSchema)
        }
        Schema compiled = r.compiled();
        List<Error> errors = compiled.validate(instance);
        return errors.stream().limit(MAX_REPORTED).map(e -> e.toString()).collect(Collectors.toList());
    }

    /** Validates with the full validator only, never the quick check (for tests). */
    List<String> validateFully(String what, JsonNode schema, JsonNode instance) {
        List<Error> errors = compile(what, schema).validate(instance);
        return errors.stream().limit(MAX_REPORTED).map(e -> e.toString()).collect(Collectors.toList());
    }

    /** Whether {@code schema} was compiled yet (for tests: a deferred schema is compiled on first full validation). */
    boolean compiled(JsonNode schema) {
        Recent r = recent.get(System.identityHashCode(schema) & (RECENT_SLOTS - 1));
        return r != null && r.schema == schema && r.compiled != null;
    }

    private static boolean isBundledMetaSchema(AbsoluteIri iri) {
        String s = iri.toString();
        return s.startsWith("https://json-schema.org/") || s.startsWith("http://json-schema.org/");
    }

    private Schema compile(String what, JsonNode schema) {
        return recent(what, schema).compiled();
    }

    private Recent recent(String what, JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException(what + ": a schema must be a JSON object");
        }
        int slot = System.identityHashCode(schema) & (RECENT_SLOTS - 1);
        Recent r = recent.get(slot);
        if (r != null && r.schema == schema) {
            return r;
        }
        checkDialect(what, schema);
        r = new Recent(schema, what, FlatObjectSchema.of(schema));
        if (!r.deferred) {
            r.compiled(); // compiled before it is shared, as every schema not proven to compile
        }
        recent.set(slot, r);
        return r;
    }

    private static void checkDialect(String what, JsonNode schema) {
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !(dialect.isString() && CompilableSchema.DIALECT_2020_12.equals(dialect.asString()))) {
            Optional<SpecificationVersion> v =
                    dialect.isString() ? SpecificationVersion.fromDialectId(dialect.asString()) : Optional.empty();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(what + ": unsupported JSON Schema dialect " + dialect
                        + " (supported: 2020-12, 2019-09, draft-07, draft-06, draft-04)");
            }
        }
    }

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2020_12,
                            b -> b.schemaLoader(SchemaLoader.builder()
                                    .fetchRemoteResources(false)
                                    .allow(Schemas::isBundledMetaSchema)
                                    .build()));
                    registry = r;
                }
            }
        }
        return r;
    }

    private Schema compileByContent(String what, JsonNode schema) {
        String key = McpJson.write(schema);
        Schema s = cache.get(key);
        if (s != null) {
            return s;
        }
        checkDialect(what, schema);
        try {
            s = registry().getSchema(schema);
            s.initializeValidators();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": invalid JSON Schema: " + e.getMessage(), e);
        }
        cache.put(key, s);
        return s;
    }
}
