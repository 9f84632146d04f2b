/**
 * The MCP core: JSON-RPC, the protocol records, the codec, the {@code Transport} SPI and the session engine.
 *
 * <p>Exports its API packages; {@code dev.jmcp.core.internal} only to the jmcp server and client modules. The
 * protocol packages are opened to Jackson, which binds their records (see {@code docs/jpms.md}).
 */
@SuppressWarnings("module") // the qualified exports name sibling modules that are compiled later
module dev.jmcp.core {
    requires transitive tools.jackson.databind;
    requires org.slf4j;

    exports dev.jmcp.core;
    exports dev.jmcp.core.bus;
    exports dev.jmcp.core.jsonrpc;
    exports dev.jmcp.core.protocol;
    exports dev.jmcp.core.protocol.capabilities;
    exports dev.jmcp.core.protocol.completion;
    exports dev.jmcp.core.protocol.content;
    exports dev.jmcp.core.protocol.elicitation;
    exports dev.jmcp.core.protocol.errors;
    exports dev.jmcp.core.protocol.lifecycle;
    exports dev.jmcp.core.protocol.logging;
    exports dev.jmcp.core.protocol.mrtr;
    exports dev.jmcp.core.protocol.notifications;
    exports dev.jmcp.core.protocol.prompts;
    exports dev.jmcp.core.protocol.resources;
    exports dev.jmcp.core.protocol.roots;
    exports dev.jmcp.core.protocol.sampling;
    exports dev.jmcp.core.protocol.subscriptions;
    exports dev.jmcp.core.protocol.tasks;
    exports dev.jmcp.core.protocol.tools;
    exports dev.jmcp.core.session;
    exports dev.jmcp.core.testing;
    exports dev.jmcp.core.transport;
    exports dev.jmcp.core.internal to
            dev.jmcp.server,
            dev.jmcp.client;

    opens dev.jmcp.core.jsonrpc to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.capabilities to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.completion to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.content to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.elicitation to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.errors to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.lifecycle to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.logging to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.mrtr to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.notifications to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.prompts to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.resources to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.roots to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.sampling to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.subscriptions to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.tasks to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.tools to
            tools.jackson.databind;
    opens dev.jmcp.core.protocol.internal to
            tools.jackson.databind;
}
