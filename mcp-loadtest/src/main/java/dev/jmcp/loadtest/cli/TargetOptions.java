package dev.jmcp.loadtest.cli;

import dev.jmcp.loadtest.target.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The target options every subcommand shares (a picocli mixin): extra HTTP headers for a URL target. */
final class TargetOptions {
    @Option(names = "--header", description = "Extra HTTP header NAME=VALUE")
    List<String> headers = new ArrayList<>();

    /**
     * The target the positional words name: one HTTP (or {@code sim:}) URL, or a stdio command and its arguments;
     * {@code null} when there are none.
     */
    TargetSpec spec(List<String> target) {
        if (target == null || target.isEmpty()) {
            return null;
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String header : headers) {
            int eq = header.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--header expects NAME=VALUE, got " + header);
            }
            h.put(header.substring(0, eq), header.substring(eq + 1));
        }
        if (target.size() == 1 && target.get(0).matches("(?i)(https?|sim):.*")) {
            return new TargetSpec(target.get(0), List.of(), h, Map.of());
        }
        return new TargetSpec(null, target, h, Map.of());
    }
}
