package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.testsupport.Poll;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Redis message bus against a real redis-server: delivery, order, isolation, reconnection, close (#18). */
class RedisMessageBusTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> collect(MessageBus bus, String channel) {
        List<String> got = new CopyOnWriteArrayList<>();
        bus.subscribe(channel, m -> got.add(new String(m, StandardCharsets.UTF_8)));
        return got;
    }

    @Test
    void aMessageReachesEverySubscriberOnEveryInstanceInOrder() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedisScaleOut one =
                        RedisScaleOut.builder().uri(redis.uri()).namespace("n").build();
                RedisScaleOut two =
                        RedisScaleOut.builder().uri(redis.uri()).namespace("n").build();
                RedisScaleOut other = RedisScaleOut.builder()
                        .uri(redis.uri())
                        .namespace("other")
                        .build()) {
            assertThat(one.messageBus().isShared()).isTrue();
            List<String> onOne = collect(one.messageBus(), "mcp:server");
            List<String> onTwo = collect(two.messageBus(), "mcp:server");
            List<String> elsewhere = collect(other.messageBus(), "mcp:server");
            List<String> otherChannel = collect(two.messageBus(), "mcp:instance:x");
            for (int i = 0; i < 100; i++) {
                one.messageBus().publish("mcp:server", bytes("m" + i));
            }
            Poll.until("both instances got all 100", () -> onOne.size() == 100 && onTwo.size() == 100);
            assertThat(onTwo).isEqualTo(onOne);
            assertThat(onTwo.get(0)).isEqualTo("m0");
            assertThat(onTwo.get(99)).isEqualTo("m99");
            two.messageBus().publish("mcp:instance:x", bytes("direct"));
            Poll.until("the other channel got its message", () -> otherChannel.size() == 1);
            assertThat(elsewhere).as("another namespace").isEmpty();
            assertThat(onOne).hasSize(100);
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedisScaleOut r = RedisScaleOut.builder().uri(redis.uri()).build()) {
            RedisMessageBus bus = r.messageBus();
            List<String> stays = collect(bus, "c");
            List<String> leaves = new CopyOnWriteArrayList<>();
            MessageBus.Subscription s = bus.subscribe("c", m -> leaves.add(new String(m, StandardCharsets.UTF_8)));
            MessageBus.Subscription alone = bus.subscribe("d", m -> leaves.add("d"));
            bus.publish("c", bytes("1"));
            Poll.until("both got 1", () -> stays.size() == 1 && leaves.size() == 1);
            s.close();
            alone.close();
            assertThat(bus.channelCount()).isEqualTo(1);
            bus.publish("d", bytes("x"));
            bus.publish("c", bytes("2"));
            Poll.until("the staying receiver got 2", () -> stays.size() == 2);
            assertThat(leaves).containsExactly("1");
        }
    }

    @Test
    void theBusReconnectsAfterRedisRestartsAndResubscribes() throws Exception {
        RedisServerProcess redis = RedisServerProcess.start();
        int port = redis.port();
        try (RedisScaleOut r = RedisScaleOut.builder()
                .uri(redis.uri())
                .timeout(Duration.ofSeconds(1))
                .build()) {
            RedisMessageBus bus = r.messageBus();
            List<String> got = collect(bus, "c");
            redis.kill();
            Poll.until("the bus notices the loss", () -> !bus.isConnected());
            redis = RedisServerProcess.startOn(port);
            Poll.until("the bus is subscribed again", bus::isConnected, Duration.ofSeconds(15));
            bus.publish("c", bytes("after"));
            Poll.until("a message after the restart arrives", () -> got.contains("after"));
        } finally {
            redis.close();
        }
    }

    @Test
    void closeEndsTheReceivingThreadAndRefusesNewSubscriptions() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            RedisScaleOut r = RedisScaleOut.builder().uri(redis.uri()).build();
            RedisMessageBus bus = r.messageBus();
            collect(bus, "c");
            Poll.until("the bus thread runs", () -> threadAlive());
            r.close();
            Poll.until("the bus thread ended", () -> !threadAlive());
            assertThatThrownBy(() -> bus.subscribe("c", m -> {})).isInstanceOf(IllegalStateException.class);
        }
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("jmcp-redis-bus") && t.isAlive());
    }
}
