/** Implementation of the OpenTelemetry integration: names, carriers, instruments, payload capture. Not API. */
package dev.jmcp.opentelemetry.internal;
