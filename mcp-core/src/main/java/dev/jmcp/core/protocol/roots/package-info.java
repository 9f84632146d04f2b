/** Roots ({@code roots/list}): the directories and files a client exposes to a server. */
package dev.jmcp.core.protocol.roots;
