/** Resources: descriptions, templates, contents, and the list, read and subscription messages. */
package dev.jmcp.core.protocol.resources;
