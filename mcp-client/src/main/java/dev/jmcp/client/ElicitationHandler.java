package dev.jmcp.client;

import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;

/**
 * Asks the user for input on the server's behalf ({@code elicitation/create}): a
 * {@link dev.jmcp.core.protocol.elicitation.FormElicitRequest form} or a
 * {@link dev.jmcp.core.protocol.elicitation.UrlElicitRequest URL} to open (show the full URL and get consent; never
 * open it unasked). For an accepted form the client adds the schema's {@code default} of every field the answer
 * leaves out, unless the builder turned that off. Runs on the client's handler executor.
 */
@FunctionalInterface
public interface ElicitationHandler {
    /**
     * Returns the user's answer: accept (with content for a form), decline or cancel.
     *
     * @param request what to ask the user
     * @return the user's answer: accept (with content for a form), decline or cancel
     * @throws Exception any failure; the server gets a JSON-RPC error
     */
    ElicitResult elicit(ElicitRequest request) throws Exception;
}
