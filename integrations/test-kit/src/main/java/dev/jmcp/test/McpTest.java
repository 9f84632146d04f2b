package dev.jmcp.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests get a connected {@code McpClient} parameter for the server its {@link McpTestServer}
 * method makes:
 *
 * <pre>{@code
 * @McpTest
 * class WeatherToolsTest {
 *     @McpTestServer
 *     static Object server() {
 *         return new WeatherTools(); // or a built McpServer
 *     }
 *
 *     @Test
 *     void forecast(McpClient client) {
 *         assertThat(client.callTool("weather", Map.of("city", "Oslo")).isError()).isFalse();
 *     }
 * }
 * }</pre>
 *
 * The server is created once per test class and closed after it; each client parameter is a new connection,
 * closed after its test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(McpTestExtension.class)
public @interface McpTest {
    /**
     * How the server is served; default in memory.
     *
     * @return how the server is served; default in memory
     */
    McpTestTransport transport() default McpTestTransport.IN_MEMORY;

    /**
     * The protocol revision the clients pin (e.g. {@code "2025-11-25"}); empty for the newest.
     *
     * @return the protocol revision the clients pin (e.g. {@code "2025-11-25"}); empty for the newest
     */
    String protocolVersion() default "";

    /**
     * Timeout of each client request, in seconds.
     *
     * @return timeout of each client request, in seconds
     */
    int requestTimeoutSeconds() default 10;

    /**
     * With {@link McpTestTransport#STDIO}: the class whose {@code public static void main(String[])} serves the
     * server on stdio, run in a subprocess with this JVM's class path (the class then needs no {@link
     * McpTestServer} method). Unused otherwise.
     *
     * @return with {@link McpTestTransport#STDIO}: the class whose {@code public static void main(String[])} serves the
     *     server on stdio, run in a subprocess with this JVM's class path (the class then needs no {@link
     *     McpTestServer} method)
     */
    Class<?> stdioMain() default void.class;

    /**
     * With {@link McpTestTransport#STDIO}: the arguments passed to {@link #stdioMain()}'s main method.
     *
     * @return with {@link McpTestTransport#STDIO}: the arguments passed to {@link #stdioMain()}'s main method
     */
    String[] stdioArgs() default {};
}
