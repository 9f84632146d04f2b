package dev.jmcp.loadtest.target;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Lists what a server offers, for {@code init}. Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface Discovery {
    /**
     * Whether this implementation can reach the spec.
     *
     * @param spec the spec
     * @return whether this implementation can reach the spec
     */
    boolean supports(TargetSpec spec);

    /**
     * Connects, lists tools, resources and prompts (all pages), and disconnects.
     *
     * @param spec the target to discover
     * @param timeout how long the whole discovery may take
     * @return what the server offers
     * @throws Exception when connecting or listing fails
     */
    Discovered discover(TargetSpec spec, Duration timeout) throws Exception;

    /** What a server offers. */
    record Discovered(String serverName, List<Tool> tools, List<String> resourceUris, List<Prompt> prompts) {
        /**
         * Copies the lists.
         *
         * @param serverName the server name
         * @param tools the tools
         * @param resourceUris the resource URIs
         * @param prompts the prompts
         */
        public Discovered {
            tools = List.copyOf(tools);
            resourceUris = List.copyOf(resourceUris);
            prompts = List.copyOf(prompts);
        }
    }

    /** A tool and its input schema (may be {@code null}). */
    record Tool(String name, JsonNode inputSchema) {}

    /** A prompt and the names of its required arguments. */
    record Prompt(String name, List<String> requiredArguments) {
        /**
         * Copies the list.
         *
         * @param name the name
         * @param requiredArguments the required arguments
         */
        public Prompt {
            requiredArguments = List.copyOf(requiredArguments);
        }
    }
}
