package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's list cache honours the 2026-07-28 caching hints ({@code ttlMs}, {@code cacheScope}) the real
 * McpServer sends ({@code McpServer.Builder#cacheHints}) over HTTP on 127.0.0.1; without hints (the handshake era)
 * a list stays cached until {@code list_changed}.
 */
@Timeout(30)
class ListCacheHintsOverHttpTest {
    private final AtomicInteger toolsLists = new AtomicInteger();
    private McpServer server;
    private McpHttpServer http;

    private McpClient client(long ttlMs, CacheScope scope, ProtocolVersion version) {
        server = McpServer.builder()
                .name("cache-hints")
                .version("1")
                .cacheHints(ttlMs, scope)
                .tool(
                        Tool.builder("t", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (r, c) -> CallToolResult.text("x"))
                .build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
        McpClient c = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(version)
                .requestTimeout(Duration.ofSeconds(10))
                .listCache(true)
                .interceptor(chain -> {
                    if (chain.call().method().equals("tools/list")) {
                        toolsLists.incrementAndGet();
                    }
                    return chain.proceed(chain.call());
                })
                .build();
        c.connect();
        return c;
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCachedListIsFreshForTtlMsThenLoadedAgain() {
        try (McpClient client = client(1500, CacheScope.PRIVATE, ProtocolVersion.V2026_07_28)) {
            long before = System.nanoTime();
            assertThat(client.cachedTools()).hasSize(1);
            assertThat(client.cachedTools()).hasSize(1);
            if (System.nanoTime() - before < Duration.ofMillis(1500).toNanos()) {
                assertThat(toolsLists).hasValue(1); // both reads within ttlMs of the answer
            }
            Poll.until("the list is loaded again after ttlMs", () -> {
                client.cachedTools();
                return toolsLists.get() >= 2;
            });
        }
    }

    @Test
    void aZeroTtlListIsStaleAtOnceAndLoadedOnEveryRead() {
        try (McpClient client = client(0, CacheScope.PUBLIC, ProtocolVersion.V2026_07_28)) {
            client.cachedTools();
            client.cachedTools();
            client.cachedTools();
            assertThat(toolsLists).hasValue(3);
        }
    }

    @Test
    void aPrivateListIsDroppedWhenTheAuthorizationContextChanges() {
        try (McpClient client = client(60_000, CacheScope.PRIVATE, ProtocolVersion.V2026_07_28)) {
            client.cachedTools();
            client.cachedTools();
            assertThat(toolsLists).hasValue(1);
            client.forgetPrivateCachedLists();
            client.cachedTools();
            assertThat(toolsLists).hasValue(2);
        }
    }

    @Test
    void aPublicListIsKeptWhenTheAuthorizationContextChanges() {
        try (McpClient client = client(60_000, CacheScope.PUBLIC, ProtocolVersion.V2026_07_28)) {
            client.cachedTools();
            client.forgetPrivateCachedLists();
            client.cachedTools();
            assertThat(toolsLists).hasValue(1);
        }
    }

    @Test
    void withoutCachingHintsAHandshakeEraListStaysCached() {
        try (McpClient client = client(0, CacheScope.PUBLIC, ProtocolVersion.V2025_11_25)) {
            client.cachedTools();
            client.cachedTools();
            assertThat(toolsLists).hasValue(1); // the hints are 2026-07-28 only: no ttlMs, cached until list_changed
        }
    }
}
