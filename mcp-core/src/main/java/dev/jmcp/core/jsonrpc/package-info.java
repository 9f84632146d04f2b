/**
 * JSON-RPC 2.0: the sealed {@link dev.jmcp.core.jsonrpc.JsonRpcMessage}, {@link dev.jmcp.core.jsonrpc.RequestId}
 * and the {@link dev.jmcp.core.jsonrpc.JsonRpcCodec} that turns bytes into messages and back under size and
 * depth limits.
 */
package dev.jmcp.core.jsonrpc;
