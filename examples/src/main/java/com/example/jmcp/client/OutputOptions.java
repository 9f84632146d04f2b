package com.example.jmcp.client;

import picocli.CommandLine.Option;

/** The {@code --json} switch every CLI command takes. */
final class OutputOptions {
    @Option(names = "--json", description = "Print the raw JSON result instead of a readable summary.")
    boolean json;
}
