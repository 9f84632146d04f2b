package dev.jmcp.core.testing;

import dev.jmcp.core.testing.contract.AbstractTransportContractTest;
import dev.jmcp.core.testing.contract.ContractClient;
import dev.jmcp.core.testing.contract.ContractServer;
import dev.jmcp.core.transport.Transport;

/** The contract suite on the in-memory pair: proves the suite itself against the reference transport. */
class InMemoryTransportContractTest extends AbstractTransportContractTest {
    @Override
    protected Transport connect(ContractServer server) {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        return pair.clientSide();
    }

    @Override
    protected boolean sendInvalidBytes(ContractClient client, byte[] bytes) {
        ((InMemoryTransport) client.transport()).sendRaw(bytes);
        return true;
    }
}
