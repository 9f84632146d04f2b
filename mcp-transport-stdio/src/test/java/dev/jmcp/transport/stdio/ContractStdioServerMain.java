package dev.jmcp.transport.stdio;

import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.testing.contract.ContractServer;
import java.util.concurrent.TimeUnit;

/**
 * The transport contract suite's server peer on this process's stdin and stdout, launched as a subprocess by
 * {@link StdioTransportContractTest}. When the session's close listener fires it writes {@link #CLOSED_LINE} to
 * stderr and exits with 0.
 */
public final class ContractStdioServerMain {
    /** The stderr line written once the server's session has closed. */
    static final String CLOSED_LINE = "contract server: session closed";

    private ContractStdioServerMain() {}

    /** Serves until the session closes (stdin EOF, or the client asked the server to close). */
    public static void main(String[] args) throws Exception {
        ContractServer server = new ContractServer();
        McpSession session = server.connect(StdioServerTransport.ofSystemStreams());
        server.firstSessionClosed().get(1, TimeUnit.HOURS);
        session.closeFuture().get(10, TimeUnit.SECONDS);
        System.err.println(CLOSED_LINE);
        System.err.flush();
        System.exit(0);
    }
}
