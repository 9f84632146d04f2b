package dev.jmcp.server.internal.skills;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.skills.GetSkillResult;
import dev.jmcp.core.protocol.skills.ListSkillsResult;
import dev.jmcp.core.protocol.skills.ReadResourceDirectoryResult;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillsProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers the Skills extension's methods over a loaded, immutable catalog: {@code skills/list} and
 * {@code resources/directory/read} paginated, {@code skills/get} by the URI of a {@code SKILL.md}.
 */
public final class SkillsService {
    private final List<Skill> entries;
    private final Map<String, Skill> byUri = new HashMap<>();
    private final Map<String, SkillFile> files = new LinkedHashMap<>();
    /** Every directory resource with its direct children (files and subdirectories) in URI order. */
    private final Map<String, List<Resource>> directories = new HashMap<>();

    private final int pageSize;
    private final long ttlMs;
    private final CacheScope cacheScope;

    /** Serves {@code skills}, {@code pageSize} entries or children a page, with the given caching hints. */
    public SkillsService(List<LoadedSkill> skills, int pageSize, long ttlMs, CacheScope cacheScope) {
        this.pageSize = pageSize;
        this.ttlMs = ttlMs;
        this.cacheScope = cacheScope;
        List<Skill> list = new ArrayList<>();
        Map<String, TreeMap<String, Resource>> tree = new HashMap<>();
        for (LoadedSkill s : skills) {
            list.add(s.entry());
            byUri.put(s.entry().uri(), s.entry());
            for (SkillFile f : s.files()) {
                if (files.putIfAbsent(f.uri(), f) == null) {
                    addToTree(tree, f);
                }
            }
        }
        this.entries = List.copyOf(list);
        tree.forEach((dir, children) -> directories.put(dir, List.copyOf(children.values())));
    }

    private static void addToTree(Map<String, TreeMap<String, Resource>> tree, SkillFile f) {
        String child = f.uri();
        Resource childResource = fileResource(f);
        int schemeEnd = SkillsProtocol.SCHEME.length();
        while (true) {
            int slash = child.lastIndexOf('/');
            if (slash < schemeEnd) {
                return; // the scheme root is not a directory resource
            }
            String dir = child.substring(0, slash);
            boolean linked = tree.containsKey(dir); // then it is listed in its own parent already
            tree.computeIfAbsent(dir, d -> new TreeMap<>()).put(child, childResource);
            if (linked) {
                return;
            }
            String dirName = decode(dir.substring(Math.max(dir.lastIndexOf('/') + 1, schemeEnd)));
            childResource = Resource.builder(dir, dirName)
                    .mimeType(SkillsProtocol.DIRECTORY_MIME_TYPE)
                    .build();
            child = dir;
        }
    }

    /** The resource metadata of a file. */
    static Resource fileResource(SkillFile f) {
        return Resource.builder(f.uri(), f.name())
                .mimeType(f.mimeType())
                .size((long) f.bytes().length)
                .build();
    }

    /** Every skill entry. */
    public List<Skill> skills() {
        return entries;
    }

    /** Every file once, in load order. */
    public List<SkillFile> files() {
        return List.copyOf(files.values());
    }

    /** One page of {@code skills/list}. */
    public ListSkillsResult list(String cursor) {
        int from = Cursors.decode("skills", cursor, entries.size());
        int to = Math.min(entries.size(), from + pageSize);
        String next = to < entries.size() ? Cursors.encode("skills", to) : null;
        return new ListSkillsResult(entries.subList(from, to), next, ttlMs, cacheScope, null);
    }

    /** {@code skills/get}; {@code -32602} when no skill is served at {@code uri}. */
    public GetSkillResult get(String uri) {
        if (uri == null) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "missing required parameter 'uri'");
        }
        Skill s = byUri.get(uri);
        if (s == null) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "No skill is served at " + uri);
        }
        return new GetSkillResult(s, ttlMs, cacheScope, null);
    }

    /** One page of {@code resources/directory/read}; {@code -32602} when {@code uri} is not a directory. */
    public ReadResourceDirectoryResult readDirectory(String uri, String cursor) {
        if (uri == null) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "missing required parameter 'uri'");
        }
        List<Resource> children = directories.get(uri);
        if (children == null) {
            throw new McpRpcException(
                    ErrorCodes.INVALID_PARAMS,
                    files.containsKey(uri)
                            ? uri + " is not a directory resource"
                            : "No directory resource is served at " + uri);
        }
        String tag = "dir:" + uri;
        int from = Cursors.decode(tag, cursor, children.size());
        int to = Math.min(children.size(), from + pageSize);
        String next = to < children.size() ? Cursors.encode(tag, to) : null;
        return new ReadResourceDirectoryResult(children.subList(from, to), next, null);
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
