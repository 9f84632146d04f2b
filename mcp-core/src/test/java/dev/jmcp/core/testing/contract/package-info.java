/**
 * The transport contract suite, published in mcp-core's test jar: {@link
 * dev.jmcp.core.testing.contract.AbstractTransportContractTest} states what every {@link
 * dev.jmcp.core.transport.Transport} must do, {@link dev.jmcp.core.testing.contract.ContractServer} is the server
 * peer it talks to (a bare session, so it also runs in a subprocess) and {@link
 * dev.jmcp.core.testing.contract.ContractClient} a raw client that sees every message as it arrives.
 */
package dev.jmcp.core.testing.contract;
