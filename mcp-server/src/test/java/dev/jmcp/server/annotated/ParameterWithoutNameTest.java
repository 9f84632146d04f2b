package dev.jmcp.server.annotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.AnnotatedHandlers;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler class compiled without {@code -parameters} (as many builds do) has parameters without names: build()
 * refuses such an argument, naming the class, method and parameter, unless {@code @McpParam(name)} names it. The
 * classes are compiled at test time with {@link javax.tools}, since this build compiles with {@code -parameters}.
 */
class ParameterWithoutNameTest {
    @TempDir
    static Path dir;

    private static URLClassLoader loader;

    @BeforeAll
    static void compileWithoutParameterNames() throws Exception {
        Path src = dir.resolve("src/nonames");
        Files.createDirectories(src);
        Files.writeString(
                src.resolve("Unnamed.java"),
                "package nonames;\n"
                        + "public class Unnamed {\n"
                        + "  @dev.jmcp.server.McpTool public String shout(String text) { return text.toUpperCase(); }\n"
                        + "}\n");
        Files.writeString(
                src.resolve("Named.java"),
                "package nonames;\n"
                        + "public class Named {\n"
                        + "  @dev.jmcp.server.McpTool public String shout(dev.jmcp.server.RequestContext ctx,\n"
                        + "      @dev.jmcp.server.McpParam(name = \"text\") String t) { return t.toUpperCase(); }\n"
                        + "}\n");
        Path out = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler").isNotNull();
        String classPath = String.join(File.pathSeparator, location(McpTool.class), location(ToolExecution.class));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(
                null,
                null,
                err,
                "-proc:none",
                "-classpath",
                classPath,
                "-d",
                out.toString(),
                src.resolve("Unnamed.java").toString(),
                src.resolve("Named.java").toString());
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, ParameterWithoutNameTest.class.getClassLoader());
    }

    private static String location(Class<?> c) throws Exception {
        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static Object instance(String name) throws Exception {
        return loader.loadClass("nonames." + name).getConstructor().newInstance();
    }

    @Test
    void theCompiledClassReallyHasNoParameterNames() throws Exception {
        Method shout = loader.loadClass("nonames.Unnamed").getMethod("shout", String.class);
        assertThat(shout.getParameters()[0].isNamePresent()).isFalse();
    }

    @Test
    void buildRefusesAnArgumentWithoutANameNamingClassMethodAndParameter() throws Exception {
        Object handlers = instance("Unnamed");
        assertThatThrownBy(() -> McpServer.builder()
                        .name("s")
                        .version("1")
                        .handlers(handlers)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonames.Unnamed.shout")
                .hasMessageContaining("parameter arg0 (#1)")
                .hasMessageContaining("has no name")
                .hasMessageContaining("-parameters")
                .hasMessageContaining("@McpParam(name");
        assertThatThrownBy(() -> AnnotatedHandlers.of(handlers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonames.Unnamed.shout");
    }

    @Test
    void mcpParamNameNamesItAndInjectedParametersNeedNoName() throws Exception {
        List<Tool> tools = AnnotatedHandlers.of(instance("Named")).tools().stream()
                .map(t -> t.tool())
                .toList();
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).inputSchema().get("properties").propertyNames()).containsExactly("text");
        assertThat(tools.get(0).inputSchema().get("required").toString()).isEqualTo("[\"text\"]");
    }
}
