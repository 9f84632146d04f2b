package dev.jmcp.server.internal;

import tools.jackson.databind.JsonNode;

/** How a handler's input calls (elicit, sample, roots) reach the client in the request's era. */
interface InputChannel {
    /** Sends {@code method} with {@code params} to the client and returns its result object. */
    JsonNode ask(String method, JsonNode params, String capability) throws InterruptedException;
}
