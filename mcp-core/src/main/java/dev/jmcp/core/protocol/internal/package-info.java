/** Jackson plumbing for the protocol types: deserializers for unions without a plain discriminator. Not API. */
package dev.jmcp.core.protocol.internal;
