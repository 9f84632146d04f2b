package com.example.jmcp.client;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Answers a server's elicitation from the terminal: one line per field (empty keeps the default). Without a
 * terminal it declines, so scripts never hang.
 */
final class Prompter {
    private Prompter() {}

    static ElicitResult elicit(ElicitRequest request) throws IOException {
        Console console = System.console();
        if (console == null || !(request instanceof FormElicitRequest)) {
            System.err.println("[elicitation declined: no terminal] " + McpJson.write(request));
            return ElicitResult.decline();
        }
        FormElicitRequest form = (FormElicitRequest) request;
        System.err.println("The server asks: " + form.message());
        JsonNode schema = McpJson.toTree(form.requestedSchema());
        Map<String, JsonNode> content = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        JsonNode props = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode def = p.getValue().get("default");
            System.err.print(
                    "  " + p.getKey() + " (" + p.getValue().path("type").asString("string") + ")"
                            + (def != null ? " [" + def + "]" : "") + ": ");
            String line = in.readLine();
            if (line == null) {
                return ElicitResult.cancel();
            }
            if (line.isBlank()) {
                continue;
            }
            String type = p.getValue().path("type").asString("string");
            switch (type) {
                case "integer" ->
                    content.put(p.getKey(), JsonNodeFactory.instance.numberNode(Long.parseLong(line.trim())));
                case "number" ->
                    content.put(p.getKey(), JsonNodeFactory.instance.numberNode(Double.parseDouble(line.trim())));
                case "boolean" ->
                    content.put(p.getKey(), JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(line.trim())));
                default -> content.put(p.getKey(), JsonNodeFactory.instance.stringNode(line));
            }
        }
        return ElicitResult.accept(content);
    }
}
