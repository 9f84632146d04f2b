/** Client and server capabilities. Empty-object capabilities such as {@code logging: {}} stay distinct from absent ones. */
package dev.jmcp.core.protocol.capabilities;
