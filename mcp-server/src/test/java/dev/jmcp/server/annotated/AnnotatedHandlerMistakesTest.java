package dev.jmcp.server.annotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.AnnotatedHandlers;
import dev.jmcp.server.McpCompletion;
import dev.jmcp.server.McpParam;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes in annotated handlers are refused by build(), naming the class, method and parameter. */
class AnnotatedHandlerMistakesTest {

    public static final class TwoToolsOneName {
        @McpTool(name = "same")
        public String a() {
            return "a";
        }

        @McpTool(name = "same")
        public String b() {
            return "b";
        }
    }

    public static final class UnsupportedToolParameter {
        @McpTool
        public String read(InputStream in) {
            return "";
        }
    }

    public static final class UnsupportedPromptParameter {
        @McpPrompt
        public String list(List<String> items) {
            return "";
        }
    }

    public static final class TemplateParameterNotAVariable {
        @McpResource(uri = "file:///{dir}/{name}")
        public String file(String dir, String nam) {
            return "";
        }
    }

    public static final class TemplateVariableWithoutParameter {
        @McpResource(uri = "file:///{dir}/{name}")
        public String file(String dir) {
            return "";
        }
    }

    public static final class FixedUriWithArgument {
        @McpResource(uri = "file:///readme")
        public String readme(String name) {
            return "";
        }
    }

    public static final class CompletionOfUnknownPrompt {
        @McpCompletion(prompt = "nope", argument = "x")
        public List<String> complete(String value) {
            return List.of();
        }
    }

    public static final class CompletionOfUnknownArgument {
        @McpPrompt
        public String greet(String name) {
            return "hi " + name;
        }

        @McpCompletion(prompt = "greet", argument = "nam")
        public List<String> complete(String value) {
            return List.of();
        }
    }

    public static final class TwoParametersOneName {
        @McpTool
        public String t(@McpParam(name = "x") String a, @McpParam(name = "x") String b) {
            return "";
        }
    }

    public static final class MetaNotAnObject {
        @McpTool(meta = "[1]")
        public String t() {
            return "";
        }
    }

    public static final class NoDefaultConstructor {
        private final String prefix;

        public NoDefaultConstructor(String prefix) {
            this.prefix = prefix;
        }

        @McpTool
        public String t() {
            return prefix;
        }
    }

    public static final class NoAnnotations {
        public String t() {
            return "";
        }
    }

    public static final class Calculator {
        @McpTool
        public int add(int a, int b) {
            return a + b;
        }
    }

    public static final class StaticOnly {
        private StaticOnly() {}

        @McpTool
        public static String version() {
            return "1";
        }
    }

    private static IllegalArgumentExceptionAssert fails(Object handlers) {
        return new IllegalArgumentExceptionAssert(handlers);
    }

    private record IllegalArgumentExceptionAssert(Object handlers) {
        void naming(String... parts) {
            assertThatThrownBy(() -> McpServer.builder().handlers(handlers).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll(parts);
        }
    }

    @Test
    void twoToolsWithOneNameAreRefused() {
        fails(new TwoToolsOneName()).naming(TwoToolsOneName.class.getName() + ".b", "\"same\"");
    }

    @Test
    void anUnsupportedParameterTypeIsRefusedNamingTheParameter() {
        fails(new UnsupportedToolParameter())
                .naming(UnsupportedToolParameter.class.getName() + ".read", "parameter in", "java.io.InputStream");
        fails(new UnsupportedPromptParameter()).naming(".list", "parameter items", "single strings");
        fails(new TwoParametersOneName()).naming(".t", "parameter b", "\"x\"");
    }

    @Test
    void templateVariablesMustMatchTheParameters() {
        fails(new TemplateParameterNotAVariable()).naming(".file", "parameter nam", "not a variable", "[dir, name]");
        fails(new TemplateVariableWithoutParameter()).naming(".file", "[name]", "match no parameter");
        fails(new FixedUriWithArgument()).naming(".readme", "parameter name", "no template variables");
    }

    @Test
    void completionsMustNameAKnownPromptAndArgument() {
        fails(new CompletionOfUnknownPrompt()).naming(".complete", "no @McpPrompt named \"nope\"");
        fails(new CompletionOfUnknownArgument()).naming(".complete", "\"nam\" is not an argument");
    }

    @Test
    void otherMistakesAreRefused() {
        fails(new MetaNotAnObject()).naming(".t", "meta must be a JSON object");
        fails(NoDefaultConstructor.class).naming(NoDefaultConstructor.class.getName(), "no-argument constructor");
        fails(new NoAnnotations()).naming(NoAnnotations.class.getName(), "has no method annotated");
    }

    @Test
    void anAnnotatedToolCannotReuseTheNameOfAToolRegisteredByLambda() {
        Tool add = Tool.builder("add", McpJson.parse("{\"type\":\"object\"}")).build();
        assertThatThrownBy(() -> McpServer.builder()
                        .tool(add, (request, ctx) -> CallToolResult.text(""))
                        .handlers(Calculator.class)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(Calculator.class.getName(), "tool named \"add\"");
    }

    @Test
    void aClassIsInstantiatedOrUsedForItsStaticMethodsAndItsHandlersCanBeRegisteredOneByOne() {
        try (McpServer server = McpServer.builder()
                .handlers(Calculator.class)
                .handlers(StaticOnly.class)
                .build()) {
            assertThat(server).isNotNull();
        }
        AnnotatedHandlers handlers = AnnotatedHandlers.of(new Calculator());
        assertThat(handlers.tools()).extracting(t -> t.tool().name()).containsExactly("add");
        McpServer.Builder b = McpServer.builder();
        handlers.tools().forEach(b::tool);
        try (McpServer server = b.build()) {
            assertThat(server).isNotNull();
        }
    }
}
