package com.example.jmcp.server;

import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * A small notes server: the shape of a typical MCP server, with tools that change state, resources that expose
 * it, and a prompt that puts it to work.
 *
 * <ul>
 *   <li>tools {@code add_note}, {@code delete_note}, {@code search_notes}
 *   <li>resources {@code notes://index} and the template {@code notes://note/{title}}
 *   <li>prompt {@code summarize_notes}
 * </ul>
 *
 * <p>Run it for a desktop MCP host with {@code java -jar jmcp-examples.jar server notes --stdio}.
 */
public final class NotesServer {
    private final Map<String, String> notes = new ConcurrentSkipListMap<>();

    private NotesServer() {
        notes.put("welcome", "Notes live in memory. Add one with add_note.");
    }

    /** A new notes server with one welcome note. */
    public static McpServer create() {
        return new NotesServer().build();
    }

    private McpServer build() {
        return McpServer.builder()
                .name("jmcp-notes")
                .version("0.1.0")
                .instructions("Keeps short text notes. Use add_note to save, search_notes to find, and read "
                        + "notes://note/{title} for a note's text.")
                // Tools: arguments arrive validated against the input schema.
                .tool(
                        Tool.builder(
                                        "add_note",
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{
                                          "title":{"type":"string","minLength":1,"description":"The note's title"},
                                          "text":{"type":"string","description":"The note's text"}},
                                         "required":["title","text"]}"""))
                                .description("Saves a note (replacing one with the same title)")
                                .build(),
                        (req, ctx) -> {
                            notes.put(req.stringArgument("title"), req.stringArgument("text"));
                            return CallToolResult.text(
                                    "Saved note '" + req.stringArgument("title") + "' (" + notes.size() + " notes)");
                        })
                .tool(
                        Tool.builder(
                                        "delete_note",
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{"title":{"type":"string"}},
                                         "required":["title"]}"""))
                                .description("Deletes a note")
                                .build(),
                        (req, ctx) -> notes.remove(req.stringArgument("title")) != null
                                ? CallToolResult.text("Deleted '" + req.stringArgument("title") + "'")
                                : CallToolResult.error("No note titled '" + req.stringArgument("title") + "'"))
                .tool(
                        Tool.builder(
                                        "search_notes",
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{"query":{"type":"string"}},
                                         "required":["query"]}"""))
                                .description("Lists the titles of notes whose title or text contains the query")
                                .build(),
                        (req, ctx) -> {
                            String q = req.stringArgument("query").toLowerCase(java.util.Locale.ROOT);
                            List<String> hits = notes.entrySet().stream()
                                    .filter(e -> (e.getKey() + " " + e.getValue())
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .contains(q))
                                    .map(Map.Entry::getKey)
                                    .collect(Collectors.toList());
                            return CallToolResult.text(hits.isEmpty() ? "No matches" : String.join("\n", hits));
                        })
                // Resources: a fixed index and a template for each note.
                .resource(
                        Resource.builder("notes://index", "Note index")
                                .description("The titles of all notes, one per line")
                                .mimeType("text/plain")
                                .build(),
                        (req, ctx) -> ReadResourceResult.of(List.of(
                                TextResourceContents.of(req.uri(), "text/plain", String.join("\n", notes.keySet())))))
                .resourceTemplate(
                        ResourceTemplate.builder("notes://note/{title}", "Note")
                                .description("One note's text")
                                .mimeType("text/plain")
                                .build(),
                        (req, ctx) -> {
                            String title = req.variables().get("title");
                            String text = notes.get(title);
                            if (text == null) {
                                throw new IllegalArgumentException("no note titled '" + title + "'");
                            }
                            return ReadResourceResult.of(
                                    List.of(TextResourceContents.of(req.uri(), "text/plain", text)));
                        })
                // Prompts: a template for the model, filled with the notes.
                .prompt(
                        Prompt.builder("summarize_notes")
                                .description("Asks the model to summarize all notes")
                                .arguments(
                                        List.of(PromptArgument.optional("style", "e.g. 'bullet points' or 'one line'")))
                                .build(),
                        (req, ctx) -> {
                            String style = req.arguments().getOrDefault("style", "bullet points");
                            String all = notes.entrySet().stream()
                                    .map(e -> "## " + e.getKey() + "\n" + e.getValue())
                                    .collect(Collectors.joining("\n\n"));
                            return GetPromptResult.of(
                                    "Summarize the notes",
                                    List.of(PromptMessage.of(
                                            Role.USER,
                                            TextContent.of("Summarize these notes as " + style + ":\n\n" + all))));
                        })
                .build();
    }
}
