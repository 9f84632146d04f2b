package dev.jmcp.transport.http.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrisTest {
    @Test
    void canonicalResourceIsLowerCaseWithoutFragmentDefaultPortOrTrailingSlash() {
        assertThat(Uris.canonicalResource(URI.create("HTTPS://MCP.Example.com:443/mcp/#frag")))
                .isEqualTo("https://mcp.example.com/mcp");
        assertThat(Uris.canonicalResource(URI.create("http://localhost:8080/"))).isEqualTo("http://localhost:8080");
    }

    @Test
    void resourceCoversSameOriginPathPrefixesOnSegmentBoundaries() {
        URI mcp = URI.create("http://localhost:9/api/mcp");
        assertThat(Uris.resourceCovers(URI.create("http://localhost:9"), mcp)).isTrue();
        assertThat(Uris.resourceCovers(URI.create("http://localhost:9/api"), mcp))
                .isTrue();
        assertThat(Uris.resourceCovers(URI.create("http://localhost:9/api/mcp"), mcp))
                .isTrue();
        assertThat(Uris.resourceCovers(URI.create("http://localhost:9/ap"), mcp))
                .isFalse();
        assertThat(Uris.resourceCovers(URI.create("http://localhost:10/api/mcp"), mcp))
                .isFalse();
        assertThat(Uris.resourceCovers(URI.create("https://evil.example.com/api/mcp"), mcp))
                .isFalse();
        assertThat(Uris.resourceCovers(URI.create("http://localhost:9/other"), mcp))
                .isFalse();
    }
}
