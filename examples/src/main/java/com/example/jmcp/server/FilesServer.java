package com.example.jmcp.server;

import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.server.Description;
import dev.jmcp.server.McpCompletion;
import dev.jmcp.server.McpParam;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A realistic server: the files of one folder (the sandbox), for a desktop MCP host. Tools list, read, search, write
 * and delete files; every file is also a resource ({@code sandbox:///{+path}}); a prompt asks the model to review a
 * file; paths complete as you type. Paths are relative to the sandbox and cannot leave it.
 *
 * <p>Run it with {@code java -jar jmcp-examples.jar server files --root /some/folder --stdio} (README: Claude
 * Desktop, VS Code, MCP Inspector).
 */
public final class FilesServer {
    /** The largest file read or written, in bytes (1 MiB). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** The most entries a listing or a search returns. */
    public static final int MAX_ENTRIES = 500;

    private FilesServer() {}

    /** One entry of a folder. */
    public record Entry(String name, String type, long size) {}

    /** A folder's entries. */
    public record Listing(String path, List<Entry> entries, boolean truncated) {}

    /** What a search found. */
    public record Matches(List<String> paths, boolean truncated) {}

    /** A file's metadata. */
    public record FileInfo(String path, String type, long size, Instant modified) {}

    /** A server over the files of {@code root} (an existing folder). */
    public static McpServer create(Path root) {
        return McpServer.builder()
                .name("jmcp-files")
                .version("0.1.0")
                .instructions("Files of one folder. Paths are relative to that folder, with forward slashes.")
                .handlers(new FileHandlers(new Sandbox(root)))
                .build();
    }

    /** The handlers: annotated methods over the sandbox. */
    public static final class FileHandlers {
        private final Sandbox sandbox;

        FileHandlers(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        /** Lists a folder. */
        @McpTool(
                name = "list_directory",
                title = "List a folder",
                description = "Lists the files and folders of a folder of the sandbox",
                readOnly = true,
                openWorld = false)
        public Listing list(@McpParam(description = "The folder (default: the sandbox itself)") Optional<String> path)
                throws IOException {
            Path dir = sandbox.resolve(path.orElse(""));
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(path.orElse("") + " is not a folder");
            }
            List<Entry> entries = new ArrayList<>();
            boolean truncated = false;
            try (Stream<Path> children = Files.list(dir).sorted()) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    if (entries.size() == MAX_ENTRIES) {
                        truncated = true;
                        break;
                    }
                    boolean folder = Files.isDirectory(child);
                    entries.add(new Entry(
                            child.getFileName().toString(),
                            folder ? "folder" : "file",
                            folder ? 0 : Files.size(child)));
                }
            }
            return new Listing(sandbox.relative(dir), entries, truncated);
        }

        /** Reads a text file. */
        @McpTool(
                name = "read_text_file",
                title = "Read a text file",
                description = "Reads a UTF-8 text file of the sandbox (at most 1 MiB)",
                readOnly = true,
                openWorld = false)
        public String read(@Description("The file's path") String path) throws IOException {
            return text(sandbox.resolve(path), path);
        }

        /** Metadata of a file. */
        @McpTool(
                name = "file_info",
                description = "The type, size and last modification time of a file or folder",
                readOnly = true,
                openWorld = false)
        public FileInfo info(@Description("The path") String path) throws IOException {
            Path file = sandbox.resolve(path);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(path + " does not exist");
            }
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileInfo(
                    sandbox.relative(file),
                    a.isDirectory() ? "folder" : "file",
                    a.size(),
                    a.lastModifiedTime().toInstant());
        }

        /** Finds files by glob. */
        @McpTool(
                name = "search_files",
                description = "Finds files whose path matches a glob, e.g. **/*.md",
                readOnly = true,
                openWorld = false)
        public Matches search(@Description("A glob over paths relative to the sandbox") String glob)
                throws IOException {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<String> found = new ArrayList<>();
            boolean truncated = false;
            try (Stream<Path> all = Files.walk(sandbox.root())) {
                for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                    Path rel = sandbox.root().relativize(p);
                    if (Files.isRegularFile(p) && matcher.matches(rel)) {
                        if (found.size() == MAX_ENTRIES) {
                            truncated = true;
                            break;
                        }
                        found.add(sandbox.relative(p));
                    }
                }
            }
            return new Matches(found, truncated);
        }

        /** Writes a text file. */
        @McpTool(
                name = "write_text_file",
                title = "Write a text file",
                description = "Creates or replaces a UTF-8 text file of the sandbox (at most 1 MiB), creating its"
                        + " folders",
                idempotent = true,
                openWorld = false)
        public FileInfo write(
                @Description("The file's path") String path,
                @Description("The new content") String content,
                @Description("Replace the file if it exists (default false)") Optional<Boolean> overwrite)
                throws IOException {
            Path file = sandbox.resolve(path);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("the content is larger than 1 MiB");
            }
            if (Files.exists(file) && !overwrite.orElse(false)) {
                throw new IllegalArgumentException(path + " exists; pass overwrite: true to replace it");
            }
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(path + " is a folder");
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return info(sandbox.relative(file));
        }

        /** Deletes a file. */
        @McpTool(name = "delete_file", description = "Deletes a file (not a folder) of the sandbox", openWorld = false)
        public String delete(@Description("The file's path") String path) throws IOException {
            Path file = sandbox.resolve(path);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(path + " is not a file");
            }
            Files.delete(file);
            return "deleted " + sandbox.relative(file);
        }

        /** Every text file as a resource. */
        @McpResource(uri = "sandbox:///{+path}", name = "file", description = "A text file of the sandbox")
        public String file(String path) throws IOException {
            Path file = sandbox.resolve(path);
            return Files.isRegularFile(file) ? text(file, path) : null;
        }

        /** Asks the model to review a file. */
        @McpPrompt(name = "review_file", title = "Review a file", description = "Asks for a review of a text file")
        public List<PromptMessage> review(@McpParam(description = "The file's path") String path) throws IOException {
            String content = text(sandbox.resolve(path), path);
            return List.of(PromptMessage.of(
                    Role.USER,
                    TextContent.of("Review the file " + path + ". Point out mistakes and suggest improvements.\n\n"
                            + content)));
        }

        /** Completes paths for the prompt. */
        @McpCompletion(prompt = "review_file", argument = "path")
        public List<String> completeForPrompt(String prefix) throws IOException {
            return complete(prefix);
        }

        /** Completes paths for the resource template. */
        @McpCompletion(resourceTemplate = "sandbox:///{+path}", argument = "path")
        public List<String> completeForResource(String prefix) throws IOException {
            return complete(prefix);
        }

        private List<String> complete(String prefix) throws IOException {
            int slash = prefix.lastIndexOf('/');
            String folder = slash < 0 ? "" : prefix.substring(0, slash);
            Path dir = sandbox.resolve(folder);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> children = Files.list(dir)) {
                return children.map(p -> sandbox.relative(p) + (Files.isDirectory(p) ? "/" : ""))
                        .filter(p -> p.startsWith(prefix))
                        .sorted(Comparator.naturalOrder())
                        .limit(100)
                        .collect(Collectors.toList());
            }
        }

        private static String text(Path file, String path) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(path + " is not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(path + " is larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
