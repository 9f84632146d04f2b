package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.testing.contract.AbstractTransportContractTest;
import dev.jmcp.core.testing.contract.ContractServer;
import dev.jmcp.core.transport.Transport;
import java.util.concurrent.TimeUnit;

/**
 * The contract suite over stdio: {@link StdioClientTransport} launching {@link ContractStdioServerMain} (the
 * same server peer on {@link StdioServerTransport}) as a subprocess. The server's state lives in that process,
 * so a closed server session shows as its closing line on stderr and a clean exit. Raw bytes cannot be sent
 * through the client transport; {@code RealPeersStdioTest} covers malformed lines over a raw pipe.
 */
class StdioTransportContractTest extends AbstractTransportContractTest {
    private StdioClientTransport transport;

    @Override
    protected Transport connect(ContractServer server) {
        transport = StdioClientTransport.builder(TestProcesses.java(ContractStdioServerMain.class))
                .build();
        return transport;
    }

    @Override
    protected void awaitServerSessionClosed() throws Exception {
        assertThat(transport.onExit().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("exit code")
                .isZero();
        assertThat(transport.recentStderr()).contains(ContractStdioServerMain.CLOSED_LINE);
    }
}
