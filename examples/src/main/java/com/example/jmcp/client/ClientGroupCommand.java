package com.example.jmcp.client;

import picocli.CommandLine;

/** A group of {@code client} subcommands ({@code tools}, {@code resources}, {@code prompts}): run alone, prints its usage. */
abstract class ClientGroupCommand implements Runnable {
    @CommandLine.ParentCommand
    ClientCommand client;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
