package com.example.jmcp.client;

import dev.jmcp.client.ServerDescription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.EmbeddedResource;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.ResourceLink;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.io.PrintStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/** Prints results either readably or as pretty JSON ({@code --json}). */
final class Printer {
    private final boolean json;
    private final PrintStream out;

    private Printer(boolean json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    static Printer of(OutputOptions options) {
        return new Printer(options != null && options.json, System.out);
    }

    /** Pretty JSON of any protocol value. */
    static String pretty(Object value) {
        return McpJson.mapper()
                .writer()
                .with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(McpJson.toTree(value));
    }

    void serverInfo(ServerDescription d) {
        if (json) {
            out.println(pretty(d));
            return;
        }
        out.println("protocol:     " + d.protocolVersion().id() + (d.isStateless() ? " (stateless)" : ""));
        if (d.serverInfo() != null) {
            out.println("server:       " + d.serverInfo().name() + " "
                    + d.serverInfo().version());
        }
        out.println("capabilities: " + McpJson.write(d.capabilities()));
        if (d.instructions() != null) {
            out.println("instructions: " + d.instructions());
        }
    }

    void tools(List<Tool> tools) {
        if (json) {
            out.println(pretty(Map.of("tools", tools)));
            return;
        }
        for (Tool t : tools) {
            out.println(t.name() + (t.description() != null ? "  - " + firstLine(t.description()) : ""));
            JsonNode props = t.inputSchema().path("properties");
            JsonNode required = t.inputSchema().path("required");
            for (Map.Entry<String, JsonNode> p : props.properties()) {
                boolean req = false;
                for (JsonNode r : required) {
                    req |= r.asString("").equals(p.getKey());
                }
                String type = p.getValue().path("type").isMissingNode()
                        ? "any"
                        : p.getValue().path("type").toString().replace("\"", "");
                out.println("    " + p.getKey() + ": " + type + (req ? " (required)" : ""));
            }
        }
        out.println(tools.size() + " tool(s)");
    }

    void toolResult(CallToolResult r) {
        if (json) {
            out.println(pretty(r));
            return;
        }
        if (r.failed()) {
            out.println("TOOL ERROR");
        }
        content(r.content() == null ? List.of() : r.content());
        if (r.structuredContent() != null) {
            out.println("structuredContent: " + pretty(r.structuredContent()));
        }
    }

    void resources(List<Resource> resources) {
        if (json) {
            out.println(pretty(Map.of("resources", resources)));
            return;
        }
        for (Resource r : resources) {
            out.println(r.uri() + "  " + r.name() + (r.mimeType() != null ? " (" + r.mimeType() + ")" : ""));
        }
        out.println(resources.size() + " resource(s)");
    }

    void templates(List<ResourceTemplate> templates) {
        if (json) {
            out.println(pretty(Map.of("resourceTemplates", templates)));
            return;
        }
        for (ResourceTemplate t : templates) {
            out.println(t.uriTemplate() + "  " + t.name());
        }
        out.println(templates.size() + " template(s)");
    }

    void read(ReadResourceResult r) {
        if (json) {
            out.println(pretty(r));
            return;
        }
        for (ResourceContents c : r.contents()) {
            resourceContents(c, "");
        }
    }

    void prompts(List<Prompt> prompts) {
        if (json) {
            out.println(pretty(Map.of("prompts", prompts)));
            return;
        }
        for (Prompt p : prompts) {
            out.println(p.name() + (p.description() != null ? "  - " + firstLine(p.description()) : ""));
            if (p.arguments() != null) {
                for (PromptArgument a : p.arguments()) {
                    out.println("    " + a.name() + (Boolean.TRUE.equals(a.required()) ? " (required)" : ""));
                }
            }
        }
        out.println(prompts.size() + " prompt(s)");
    }

    void prompt(GetPromptResult r) {
        if (json) {
            out.println(pretty(r));
            return;
        }
        if (r.description() != null) {
            out.println("# " + r.description());
        }
        for (PromptMessage m : r.messages()) {
            out.print("[" + m.role().name().toLowerCase(java.util.Locale.ROOT) + "] ");
            content(List.of(m.content()));
        }
    }

    private void content(List<ContentBlock> blocks) {
        for (ContentBlock b : blocks) {
            if (b instanceof TextContent) {
                out.println(((TextContent) b).text());
            } else if (b instanceof ImageContent) {
                ImageContent i = (ImageContent) b;
                out.println("[image " + i.mimeType() + ", " + decodedLength(i.data()) + " bytes]");
            } else if (b instanceof AudioContent) {
                AudioContent a = (AudioContent) b;
                out.println("[audio " + a.mimeType() + ", " + decodedLength(a.data()) + " bytes]");
            } else if (b instanceof EmbeddedResource) {
                resourceContents(((EmbeddedResource) b).resource(), "[resource] ");
            } else if (b instanceof ResourceLink) {
                ResourceLink l = (ResourceLink) b;
                out.println("[link] " + l.uri() + " " + l.name());
            }
        }
    }

    private void resourceContents(ResourceContents c, String prefix) {
        if (c instanceof TextResourceContents) {
            TextResourceContents t = (TextResourceContents) c;
            out.println(prefix + t.uri() + (t.mimeType() != null ? " (" + t.mimeType() + ")" : ""));
            out.println(t.text());
        } else if (c instanceof BlobResourceContents) {
            BlobResourceContents b = (BlobResourceContents) c;
            out.println(prefix + b.uri() + " (" + b.mimeType() + ", " + decodedLength(b.blob()) + " bytes)");
        }
    }

    private static int decodedLength(String base64) {
        try {
            return base64 == null ? 0 : Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
