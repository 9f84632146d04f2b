package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** Which beans the server auto-configuration contributes, and how properties and user beans shape them. */
@Timeout(20)
class McpServerAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class));

    /** A handler bean. */
    public static class Handlers {
        @McpTool
        public String hello() {
            return "hello";
        }
    }

    @Test
    void aWebApplicationGetsAServerAServletAndItsRegistrationAtTheConfiguredPath() {
        web.withPropertyValues(
                        "jmcp.server.path=/api/mcp",
                        "jmcp.server.allowed-hosts=mcp.example.com",
                        "jmcp.server.allowed-origins=https://app.example.com")
                .run(context -> {
                    assertThat(context).hasSingleBean(McpServer.class).hasSingleBean(McpHttpServlet.class);
                    ServletRegistrationBean<?> registration =
                            context.getBean("mcpServletRegistration", ServletRegistrationBean.class);
                    assertThat(registration.getUrlMappings()).containsExactly("/api/mcp");
                    assertThat(registration.isAsyncSupported()).isTrue();
                    assertThat(context.getBean(McpHttpServlet.class).hostPolicy())
                            .contains("mcp.example.com")
                            .contains("https://app.example.com");
                });
    }

    @Test
    void aUserServerBeanWinsAndTheServletServesIt() {
        McpServer mine = McpServer.builder().name("mine").version("1").build();
        web.withBean(McpServer.class, () -> mine).withBean(Handlers.class).run(context -> {
            assertThat(context.getBean(McpServer.class)).isSameAs(mine);
            assertThat(context).hasSingleBean(McpHttpServlet.class);
        });
    }

    @Test
    void aUserServletBeanWins() {
        web.withBean("myServlet", McpHttpServlet.class, () -> McpHttpServlet.builder(
                                McpServer.builder().name("x").version("1").build())
                        .build())
                .run(context ->
                        assertThat(context).hasSingleBean(McpHttpServlet.class).hasBean("myServlet"));
    }

    @Test
    void disabledMeansNoServer() {
        web.withPropertyValues("jmcp.server.enabled=false")
                .run(context ->
                        assertThat(context).doesNotHaveBean(McpServer.class).doesNotHaveBean(McpHttpServlet.class));
    }

    @Test
    void aNonWebApplicationGetsTheServerButNoServlet() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class))
                .run(context ->
                        assertThat(context).hasSingleBean(McpServer.class).doesNotHaveBean(McpHttpServlet.class));
    }

    @Test
    void aBadRequestStateKeyFailsTheStartWithoutShowingIt() {
        web.withPropertyValues("jmcp.server.request-state-keys=kid:not-base64-at-all!!")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageNotContaining("not-base64-at-all");
                });
    }

    @Test
    void aClassProxiedHandlerBeanIsRefusedWithAnExplanation() {
        web.withBean("proxied", Handlers.class, () -> {
                    ProxyFactory factory = new ProxyFactory(new Handlers());
                    factory.setProxyTargetClass(true);
                    return (Handlers) factory.getProxy();
                })
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("class-based proxy");
                });
    }
}
