package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code client conformance URL}: the client the official conformance suite drives. The suite starts a mock server,
 * appends its URL, and names the scenario in {@code MCP_CONFORMANCE_SCENARIO} (plus {@code MCP_CONFORMANCE_CONTEXT}
 * for scenarios that hand over credentials, and {@code MCP_CONFORMANCE_PROTOCOL_VERSION} from 0.2 on).
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "The client driven by the MCP conformance suite (reads MCP_CONFORMANCE_* variables).")
public final class ConformanceCommand implements Callable<Integer> {
    /** The client ID metadata document URL the conformance authorization server accepts. */
    public static final String CIMD_CLIENT_ID = "https://conformance-test.local/client-metadata.json";

    private static final URI REDIRECT_URI = URI.create("http://localhost:3000/callback");

    @Parameters(index = "0", paramLabel = "URL", description = "The mock server's MCP endpoint.")
    URI url;

    @Override
    public Integer call() throws Exception {
        String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "");
        String contextJson = System.getenv("MCP_CONFORMANCE_CONTEXT");
        JsonNode context = contextJson == null || contextJson.isBlank() ? McpJson.object() : McpJson.parse(contextJson);
        String version = System.getenv().getOrDefault("MCP_CONFORMANCE_PROTOCOL_VERSION", "2025-11-25");
        System.err.println("[conformance] scenario=" + scenario + " version=" + version + " url=" + url);
        try (McpClient client = client(scenario, context, version)) {
            client.connect();
            System.err.println(
                    "[conformance] connected: " + client.protocolVersion().id());
            run(scenario, context, client);
        }
        return 0;
    }

    private McpClient client(String scenario, JsonNode context, String version) throws Exception {
        StreamableHttpClientTransport.Builder http =
                StreamableHttpClientTransport.builder(url).requestTimeout(Duration.ofSeconds(30));
        if (scenario.startsWith("auth/")) {
            http.authorizer(oauth(scenario, context));
        }
        McpClientBuilder builder = McpClient.builder()
                .transport(http.build())
                .clientInfo("jmcp-conformance-client", "0.1.0")
                .requestTimeout(Duration.ofSeconds(30))
                .elicitation(ConformanceCommand::elicit)
                .sampling(ConformanceCommand::sample)
                .roots(() -> List.of(Root.of("file:///test/root", "Test Root")));
        ProtocolVersion.parse(version).ifPresent(builder::protocolVersion);
        return builder.build();
    }

    /** The OAuth client for the {@code auth/*} scenarios. */
    static OAuthClientProvider oauth(String scenario, JsonNode context) {
        OAuthClientProvider.Builder b = OAuthClientProvider.builder();
        String clientId = context.path("client_id").asString(null);
        String secret = context.path("client_secret").asString(null);
        switch (scenario) {
            case "auth/client-credentials-jwt":
                return b.privateKeyJwt(clientId, context.path("private_key_pem").asString())
                        .clientCredentialsGrant()
                        .build();
            case "auth/cross-app-access-complete-flow":
                // Enterprise-managed authorization: the IdP's ID token -> ID-JAG -> access token.
                return b.clientCredentials(clientId, secret)
                        .crossAppAccess(
                                URI.create(context.path("idp_token_endpoint").asString()),
                                context.path("idp_client_id").asString(),
                                context.path("idp_id_token").asString())
                        .build();
            case "auth/client-credentials-basic":
                return b.clientCredentials(clientId, secret)
                        .tokenEndpointAuthMethod("client_secret_basic")
                        .clientCredentialsGrant()
                        .build();
            default:
                b.authorizationCodeHandler(new HeadlessAuthorizationCodeHandler())
                        .redirectUri(REDIRECT_URI)
                        .clientIdMetadataDocument(CIMD_CLIENT_ID);
                if (clientId != null) {
                    b.clientCredentials(clientId, secret);
                }
                return b.build();
        }
    }

    private static void run(String scenario, JsonNode context, McpClient client) {
        switch (scenario) {
            case "initialize":
                return;
            case "tools_call":
                print(client.callTool("add_numbers", Map.of("a", 5, "b", 3)));
                return;
            case "elicitation-sep1034-client-defaults":
                client.listAllTools();
                print(client.callTool("test_client_elicitation_defaults", McpJson.object()));
                return;
            case "sse-retry":
                client.listAllTools();
                print(client.callTool("test_reconnection", McpJson.object()));
                return;
            case "http-custom-headers":
                client.listAllTools();
                for (JsonNode call : context.path("toolCalls")) {
                    print(client.callTool(call.path("name").asString(), call.path("arguments")));
                }
                return;
            case "json-schema-2020-12-preservation": {
                List<Tool> tools = client.listAllTools();
                for (Tool t : tools) {
                    if (t.name().equals("json_schema_2020_12_tool")) {
                        ObjectNode args = McpJson.object();
                        args.set("schema", t.inputSchema());
                        print(client.callTool("json_schema_echo", args));
                    }
                }
                return;
            }
            case "json-schema-ref-no-deref":
                client.listAllTools();
                return;
            case "http-standard-headers":
                everything(client, true);
                return;
            default:
                if (scenario.startsWith("auth/")) {
                    for (Tool t : client.listAllTools()) {
                        if (t.name().equals("test-tool")) {
                            print(client.callTool("test-tool", McpJson.object()));
                        }
                    }
                    return;
                }
                everything(client, false);
        }
    }

    /** Lists and calls every tool (arguments made up from the schema), and optionally reads and gets the rest. */
    private static void everything(McpClient client, boolean resourcesAndPrompts) {
        ServerCapabilities caps = client.server().capabilities();
        if (caps.tools() != null) {
            for (Tool t : client.listAllTools()) {
                print(client.callTool(t.name(), sampleArguments(t.inputSchema())));
            }
        }
        if (!resourcesAndPrompts) {
            return;
        }
        if (caps.resources() != null) {
            for (Resource r : client.listAllResources()) {
                client.readResource(r.uri());
            }
        }
        for (Prompt p : caps.prompts() == null ? List.<Prompt>of() : client.listAllPrompts()) {
            Map<String, String> args = new LinkedHashMap<>();
            if (p.arguments() != null) {
                p.arguments().forEach(a -> args.put(a.name(), "value"));
            }
            client.getPrompt(p.name(), args);
        }
    }

    /** Arguments that satisfy a simple schema: every required property with a value of its type. */
    static ObjectNode sampleArguments(JsonNode schema) {
        ObjectNode args = McpJson.object();
        for (JsonNode name : schema.path("required")) {
            JsonNode prop = schema.path("properties").path(name.asString());
            args.set(name.asString(), sampleValue(prop));
        }
        return args;
    }

    private static JsonNode sampleValue(JsonNode prop) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (prop.has("default")) {
            return prop.get("default");
        }
        if (prop.has("enum") && prop.get("enum").size() > 0) {
            return prop.get("enum").get(0);
        }
        switch (prop.path("type").asString("string")) {
            case "integer":
            case "number":
                return f.numberNode(1);
            case "boolean":
                return f.booleanNode(true);
            case "object":
                return f.objectNode();
            case "array":
                return f.arrayNode();
            default:
                return f.stringNode("test");
        }
    }

    /** Accepts every form: the schema's defaults, or a made-up value of each property's type. */
    static ElicitResult elicit(ElicitRequest request) {
        if (!(request instanceof FormElicitRequest)) {
            return ElicitResult.decline();
        }
        JsonNode schema = McpJson.toTree(((FormElicitRequest) request).requestedSchema());
        Map<String, JsonNode> content = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            content.put(p.getKey(), sampleValue(p.getValue()));
        }
        return ElicitResult.accept(content);
    }

    /** Answers sampling with a fixed assistant message. */
    static CreateMessageResult sample(CreateMessageRequest request) {
        return CreateMessageResult.of(
                Role.ASSISTANT,
                TextContent.of("This is a test response from the client"),
                "test-model",
                CreateMessageResult.STOP_END_TURN);
    }

    private static void print(Object result) {
        System.err.println("[conformance] " + McpJson.write(result));
    }
}
