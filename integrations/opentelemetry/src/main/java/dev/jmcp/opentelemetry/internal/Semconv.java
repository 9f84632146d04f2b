package dev.jmcp.opentelemetry.internal;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The names of the OpenTelemetry MCP semantic conventions ({@code docs/gen-ai/mcp.md}) this module writes. */
public final class Semconv {
    /** The instrumentation scope name. */
    public static final String SCOPE = "dev.jmcp.opentelemetry";

    /** {@code mcp.method.name}: the JSON-RPC method (required). */
    public static final AttributeKey<String> MCP_METHOD_NAME = AttributeKey.stringKey("mcp.method.name");
    /** {@code mcp.session.id}. */
    public static final AttributeKey<String> MCP_SESSION_ID = AttributeKey.stringKey("mcp.session.id");
    /** {@code mcp.protocol.version}. */
    public static final AttributeKey<String> MCP_PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    /** {@code mcp.resource.uri}. */
    public static final AttributeKey<String> MCP_RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");
    /** {@code jsonrpc.request.id}, as a string. */
    public static final AttributeKey<String> JSONRPC_REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    /** {@code rpc.response.status_code}: a JSON-RPC error code, as a string. */
    public static final AttributeKey<String> RPC_RESPONSE_STATUS_CODE =
            AttributeKey.stringKey("rpc.response.status_code");
    /** {@code error.type}. */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** {@code gen_ai.tool.name}. */
    public static final AttributeKey<String> GEN_AI_TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    /** {@code gen_ai.prompt.name}. */
    public static final AttributeKey<String> GEN_AI_PROMPT_NAME = AttributeKey.stringKey("gen_ai.prompt.name");
    /** {@code gen_ai.operation.name}. */
    public static final AttributeKey<String> GEN_AI_OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    /** {@code gen_ai.tool.call.arguments} (opt-in). */
    public static final AttributeKey<String> GEN_AI_TOOL_CALL_ARGUMENTS =
            AttributeKey.stringKey("gen_ai.tool.call.arguments");
    /** {@code gen_ai.tool.call.result} (opt-in). */
    public static final AttributeKey<String> GEN_AI_TOOL_CALL_RESULT =
            AttributeKey.stringKey("gen_ai.tool.call.result");
    /** {@code network.transport}: {@code pipe} (stdio) or {@code tcp} (HTTP). */
    public static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    /** {@code network.protocol.name}: {@code http} over HTTP. */
    public static final AttributeKey<String> NETWORK_PROTOCOL_NAME = AttributeKey.stringKey("network.protocol.name");
    /** {@code network.protocol.version}: {@code 1.1} or {@code 2} over HTTP. */
    public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
            AttributeKey.stringKey("network.protocol.version");
    /** {@code server.address} (clients). */
    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    /** {@code server.port} (clients). */
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    /** {@code client.address} (servers). */
    public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    /** {@code client.port} (servers). */
    public static final AttributeKey<Long> CLIENT_PORT = AttributeKey.longKey("client.port");

    /** {@code error.type} of a {@code tools/call} whose result has {@code isError: true}. */
    public static final String TOOL_ERROR = "tool_error";
    /** {@code gen_ai.operation.name} of a {@code tools/call}. */
    public static final String EXECUTE_TOOL = "execute_tool";

    /** {@code mcp.server.operation.duration}, seconds. */
    public static final String SERVER_OPERATION_DURATION = "mcp.server.operation.duration";
    /** {@code mcp.client.operation.duration}, seconds. */
    public static final String CLIENT_OPERATION_DURATION = "mcp.client.operation.duration";
    /** {@code mcp.server.session.duration}, seconds. */
    public static final String SERVER_SESSION_DURATION = "mcp.server.session.duration";
    /** {@code mcp.client.session.duration}, seconds. */
    public static final String CLIENT_SESSION_DURATION = "mcp.client.session.duration";

    /** The bucket boundaries the conventions specify for every MCP duration histogram, in seconds. */
    public static final List<Double> DURATION_BUCKETS =
            List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

    private Semconv() {}
}
