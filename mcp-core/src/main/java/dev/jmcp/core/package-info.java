/**
 * jmcp's core: errors, protocol versions and JSON settings shared by every module.
 *
 * <p>Sub-packages hold JSON-RPC ({@code jsonrpc}), the protocol types ({@code protocol.*}), the transport SPI
 * ({@code transport}), the session engine ({@code session}) and an in-memory transport for tests
 * ({@code testing}).
 */
package dev.jmcp.core;
