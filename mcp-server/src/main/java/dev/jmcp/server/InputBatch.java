package dev.jmcp.server;

import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;

/**
 * Several input requests asked in one round ({@link RequestContext#inputs()}): in a 2026-07-28 request they all go
 * into one {@code input_required} result, in a handshake-era session they are sent to the client concurrently.
 * Each request has a key, unique within the handler's request, that the client's answer is matched by.
 *
 * <pre>{@code
 * InputAnswers in = ctx.inputs()
 *         .elicit("user_name", nameForm)
 *         .sample("greeting", greetingRequest)
 *         .roots("client_roots")
 *         .await();
 * ElicitResult name = in.elicitation("user_name");
 * }</pre>
 */
public interface InputBatch {
    /**
     * Adds a form or URL elicitation under {@code key}.
     *
     * @param key the key the answer is filed under
     * @param request what to ask the user
     * @return this batch
     */
    InputBatch elicit(String key, ElicitRequest request);

    /**
     * Adds a sampling request under {@code key}.
     *
     * @param key the key the answer is filed under
     * @param request the messages and model preferences for the client's model
     * @return this batch
     */
    InputBatch sample(String key, CreateMessageRequest request);

    /**
     * Adds a {@code roots/list} request under {@code key}.
     *
     * @param key the key the answer is filed under
     * @return this batch
     */
    InputBatch roots(String key);

    /**
     * Asks for everything added and returns the answers (in a 2026-07-28 request, a missing answer ends the
     * handler with {@code input_required} and it runs again on the client's retry, as with the single calls).
     *
     * @return the answers, by key
     * @throws IllegalStateException when nothing was added
     */
    InputAnswers await();
}
