package com.example.jmcp.server;

import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.server.McpServer;
import java.util.List;

/** The resources of the everything-server. */
final class EverythingResources {
    private EverythingResources() {}

    static void register(McpServer.Builder b) {
        b.resource(
                Resource.builder("test://static-text", "Static text resource")
                        .description("A static text resource for testing")
                        .mimeType("text/plain")
                        .build(),
                (req, ctx) -> ReadResourceResult.of(List.of(TextResourceContents.of(
                        req.uri(), "text/plain", "This is the content of the static text resource."))));
        b.resource(
                Resource.builder("test://static-binary", "Static binary resource")
                        .description("A static binary resource (a PNG image) for testing")
                        .mimeType("image/png")
                        .build(),
                (req, ctx) -> ReadResourceResult.of(
                        List.of(BlobResourceContents.of(req.uri(), "image/png", EverythingTools.PNG))));
        b.resource(
                Resource.builder("test://watched-resource", "Watched resource")
                        .description("A resource clients can subscribe to")
                        .mimeType("text/plain")
                        .build(),
                (req, ctx) -> ReadResourceResult.of(
                        List.of(TextResourceContents.of(req.uri(), "text/plain", "Watched resource content"))));
        b.resourceTemplate(
                ResourceTemplate.builder("test://template/{id}/data", "Template resource")
                        .description("Data for any id")
                        .mimeType("application/json")
                        .build(),
                (req, ctx) -> {
                    String id = req.variables().get("id");
                    String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
                    return ReadResourceResult.of(List.of(TextResourceContents.of(req.uri(), "application/json", json)));
                });
    }
}
