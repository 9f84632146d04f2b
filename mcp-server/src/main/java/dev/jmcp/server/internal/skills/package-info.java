/**
 * The server side of the Skills extension (SEP-2640): loading {@code SKILL.md} packages from folders or the class
 * path, their frontmatter, file manifests, directory tree and the extension's methods. Not exported.
 */
package dev.jmcp.server.internal.skills;
