/**
 * The MCP protocol types shared by every feature area: method names, reserved {@code _meta} keys, roles,
 * icons, annotations, implementation info, progress tokens and the common result fields.
 *
 * <p>Every protocol type is an immutable record. Optional fields are nullable components ("null when
 * absent") and are never written as JSON {@code null}; {@code _meta} is the component {@code meta}. The
 * records cover revisions 2024-11-05 through 2026-07-28: older revisions are subsets.
 */
package dev.jmcp.core.protocol;
