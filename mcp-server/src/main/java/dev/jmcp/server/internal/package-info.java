/** Implementation of {@code dev.jmcp.server}: sessions, routing, registries, schemas, tasks. Not public API. */
package dev.jmcp.server.internal;
