package dev.jmcp.transport.http;

import dev.jmcp.core.testing.contract.AbstractTransportContractTest;
import dev.jmcp.core.testing.contract.ContractClient;
import dev.jmcp.core.testing.contract.ContractServer;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The same contract suite with the servlet in embedded Tomcat 11: the servlet is portable across containers. */
class TomcatPortabilityTest extends AbstractTransportContractTest {
    private URI uri;

    @Override
    protected Transport connect(ContractServer server) throws Exception {
        File base = Files.createTempDirectory("jmcp-tomcat").toFile();
        base.deleteOnExit();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        McpHttpServlet servlet = McpHttpServlet.builder(ContractConnector.of(server))
                .retryInterval(Duration.ofMillis(100))
                .build();
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", servlet);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/mcp", "mcp");
        tomcat.start();
        closeLater(() -> {
            servlet.closeAll();
            tomcat.stop();
            tomcat.destroy();
        });
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
        return ContractConnector.client(uri);
    }

    @Override
    protected boolean sendInvalidBytes(ContractClient client, byte[] bytes) throws Exception {
        return ContractConnector.postRaw(uri, client, bytes);
    }
}
