package dev.jmcp.test;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The extension behind {@link McpTest}: before the class's tests, makes the server with its {@link McpTestServer}
 * method and serves it; resolves {@link McpClient} parameters (a new connected client per parameter, closed after
 * its test), {@link McpNotifications} parameters (what the test's first client received), {@link McpServer}
 * parameters, and {@link URI} parameters (the HTTP endpoint, with {@link
 * McpTestTransport#HTTP}). The server (and the HTTP server) are closed after the class.
 */
public final class McpTestExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(McpTestExtension.class);
    private static final String SERVED = "served";

    /** Created by JUnit. */
    public McpTestExtension() {}

    /** The server and, with HTTP, its endpoint; closed by JUnit with the class's context. */
    private record Served(McpServer server, McpHttpServer http, McpTest settings, boolean closeServer)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (http != null) {
                    http.close();
                }
            } finally {
                if (server != null && closeServer) {
                    server.close();
                }
            }
        }
    }

    /** A client and, in memory, its server session; closed by JUnit with the test's context. */
    private record Connection(McpClient client, ServerConnection session, McpNotifications notifications)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                if (session != null) {
                    session.close();
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(SERVED, Served.class) != null) {
            return; // a @Nested class uses its enclosing class's server
        }
        Class<?> testClass = context.getRequiredTestClass();
        McpTest settings = AnnotationSupport.findAnnotation(testClass, McpTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass + " is not annotated @McpTest"));
        if (settings.transport() == McpTestTransport.STDIO) {
            StdioLaunch.check(testClass, settings);
            context.getStore(NAMESPACE).put(SERVED, new Served(null, null, settings, false));
            return;
        }
        ServerSource source = makeServer(testClass, context.getTestInstance());
        McpServer server = source.server();
        McpHttpServer http = null;
        if (settings.transport() == McpTestTransport.HTTP) {
            try {
                http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
            } catch (RuntimeException e) {
                if (source.close()) {
                    server.close();
                }
                throw e;
            }
        }
        context.getStore(NAMESPACE).put(SERVED, new Served(server, http, settings, source.close()));
    }

    /** The server a {@link McpTestServer} method gave, and whether the kit closes it after the class. */
    private record ServerSource(McpServer server, boolean close) {}

    private static ServerSource makeServer(Class<?> testClass, Optional<Object> instance) {
        List<Method> methods = AnnotationSupport.findAnnotatedMethods(
                testClass, McpTestServer.class, HierarchyTraversalMode.BOTTOM_UP);
        if (methods.size() != 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " needs exactly one @McpTestServer"
                    + " method (static, no parameters); found " + methods.size());
        }
        Method method = methods.get(0);
        if (method.getParameterCount() != 0) {
            throw new ExtensionConfigurationException("@McpTestServer method " + method + " must take no parameters");
        }
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (!isStatic && instance.isEmpty()) {
            throw new ExtensionConfigurationException(
                    "@McpTestServer method " + method + " must be static (or the class use @TestInstance(PER_CLASS))");
        }
        Object made;
        try {
            method.setAccessible(true);
            made = method.invoke(isStatic ? null : instance.get());
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException("@McpTestServer method " + method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("cannot call @McpTestServer method " + method, e);
        }
        if (made == null) {
            throw new ExtensionConfigurationException("@McpTestServer method " + method + " returned null");
        }
        if (made instanceof McpServer server) {
            return new ServerSource(
                    server, method.getAnnotation(McpTestServer.class).closeAfterClass());
        }
        return new ServerSource(
                McpServer.builder()
                        .name("test-server")
                        .version("0.0.0")
                        .handlers(made)
                        .build(),
                true);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == McpClient.class
                || type == McpServer.class
                || type == URI.class
                || type == McpNotifications.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Served served = context.getStore(NAMESPACE).get(SERVED, Served.class);
        if (served == null) {
            throw new ParameterResolutionException("no MCP test server: is the class annotated @McpTest?");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == McpServer.class) {
            if (served.server() == null) {
                throw new ParameterResolutionException(
                        "an McpServer parameter is not available with STDIO:" + " the server runs in a subprocess");
            }
            return served.server();
        }
        if (type == URI.class) {
            if (served.http() == null) {
                throw new ParameterResolutionException("a URI parameter needs @McpTest(transport = HTTP)");
            }
            return served.http().uri();
        }
        if (type == McpNotifications.class) {
            return connection(served, parameter, firstClientParameter(parameter), context)
                    .notifications();
        }
        return connection(served, parameter, parameter.getIndex(), context).client();
    }

    /** The connection of the test's client parameter at {@code index}, made on first use, closed after the test. */
    private static Connection connection(
            Served served, ParameterContext parameter, int index, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(
                        "client-" + parameter.getDeclaringExecutable() + "#" + index,
                        key -> connect(served),
                        Connection.class);
    }

    private static int firstClientParameter(ParameterContext parameter) {
        Class<?>[] types = parameter.getDeclaringExecutable().getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == McpClient.class) {
                return i;
            }
        }
        throw new ParameterResolutionException("an McpNotifications parameter records the test's McpClient"
                + " parameter: add one to " + parameter.getDeclaringExecutable());
    }

    private static Connection connect(Served served) {
        McpTest settings = served.settings();
        McpClientBuilder builder =
                McpClient.builder().requestTimeout(Duration.ofSeconds(settings.requestTimeoutSeconds()));
        if (!settings.protocolVersion().isEmpty()) {
            builder.protocolVersion(ProtocolVersion.parse(settings.protocolVersion())
                    .orElseThrow(() -> new ParameterResolutionException("unknown protocolVersion '"
                            + settings.protocolVersion() + "'; known: " + ProtocolVersion.allIds())));
        }
        McpNotifications notifications = new McpNotifications();
        notifications.recordFrom(builder);
        ServerConnection session = null;
        if (settings.transport() == McpTestTransport.STDIO) {
            builder.transport(StdioLaunch.transport(settings));
        } else if (served.http() != null) {
            builder.transport(
                    StreamableHttpClientTransport.builder(served.http().uri()).build());
        } else {
            InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
            session = served.server().connect(pair.serverSide());
            builder.transport(pair.clientSide());
        }
        Connection connection = new Connection(builder.build(), session, notifications);
        try {
            connection.client().connect();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
