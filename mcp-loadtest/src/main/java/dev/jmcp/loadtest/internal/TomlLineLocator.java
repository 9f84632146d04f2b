package dev.jmcp.loadtest.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the line where a field path ({@code scenario[1].tool}) is defined in a TOML text. The TOML parser
 * builds a tree without locations, so this scans table headers and keys line by line: good for the usual
 * layout of configuration files, approximate for keys inside multi-line inline values (the enclosing key's line is
 * reported).
 */
public final class TomlLineLocator {
    private final Map<String, Integer> lines = new HashMap<>();

    /** Scans a TOML text. */
    public TomlLineLocator(String text) {
        Map<String, Integer> arrayCounts = new HashMap<>();
        String table = "";
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = stripComment(all[i]).trim();
            int lineNr = i + 1;
            if (line.startsWith("[[") && line.endsWith("]]")) {
                String name = resolve(line.substring(2, line.length() - 2).trim(), arrayCounts);
                int idx = arrayCounts.merge(name, 1, Integer::sum) - 1;
                table = name + "[" + idx + "]";
                lines.putIfAbsent(name, lineNr);
                lines.put(table, lineNr);
            } else if (line.startsWith("[") && line.endsWith("]")) {
                table = resolve(line.substring(1, line.length() - 1).trim(), arrayCounts);
                lines.putIfAbsent(table, lineNr);
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    String key = unquote(line.substring(0, eq).trim());
                    lines.putIfAbsent(table.isEmpty() ? key : table + "." + key, lineNr);
                }
            }
        }
    }

    /** The 1-based line of the path or of its nearest located parent; 0 when unknown. */
    public int lineOf(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut > 0 ? p.substring(0, cut) : null;
        }
        return 0;
    }

    private static String resolve(String dotted, Map<String, Integer> arrayCounts) {
        String[] parts = dotted.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(unquote(parts[i].trim()));
            if (i < parts.length - 1) {
                Integer n = arrayCounts.get(sb.toString());
                if (n != null) {
                    sb.append('[').append(n - 1).append(']');
                }
            }
        }
        return sb.toString();
    }

    private static String unquote(String key) {
        if (key.length() >= 2
                && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    private static String stripComment(String line) {
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
