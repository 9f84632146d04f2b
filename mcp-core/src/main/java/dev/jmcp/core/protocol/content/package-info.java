/**
 * Content blocks. {@link dev.jmcp.core.protocol.content.ContentBlock} is what prompts and tool results carry
 * (text, image, audio, resource link, embedded resource); {@link dev.jmcp.core.protocol.content.SamplingContent}
 * is what sampling messages carry (text, image, audio, tool use, tool result). Text, image and audio belong to
 * both. The {@code type} property is the discriminator.
 */
package dev.jmcp.core.protocol.content;
