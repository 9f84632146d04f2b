package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.server.ServerResourceTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code resources/read} compiles a registered template once, not per request (D1). */
class ResourceTemplateCompilationTest {

    @Test
    void aRegisteredTemplateIsCompiledOnceAndReusedForEveryLookup() {
        ServerResourceTemplate t = new ServerResourceTemplate(
                ResourceTemplate.builder("file:///{+path}{?rev}", "files").build(),
                (req, ctx) -> ReadResourceResult.of(List.of()));
        assertThat(Resources.compiled(t)).isSameAs(Resources.compiled(t));
        assertThat(Resources.compiled(t).match("file:///a/b?rev=2").orElseThrow())
                .containsEntry("path", "a/b")
                .containsEntry("rev", "2");
    }
}
