package dev.jmcp.transport.http;

import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.core.transport.Transport;

/** The contract suite on the in-memory pair: proves the suite itself against the reference transport. */
class InMemoryTransportContractTest extends AbstractTransportContractTest {
    @Override
    protected Transport connect(FakeServer server) {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        return pair.clientSide();
    }
}
