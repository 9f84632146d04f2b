package dev.jmcp.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalMessageBusTest {

    @Test
    void aMessageReachesEverySubscriberOfItsChannelOnlyAndNoneAfterItsSubscriptionCloses() {
        LocalMessageBus bus = LocalMessageBus.shared();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<String> other = new ArrayList<>();
        MessageBus.Subscription s1 = bus.subscribe("c", m -> first.add(new String(m, StandardCharsets.UTF_8)));
        bus.subscribe("c", m -> second.add(new String(m, StandardCharsets.UTF_8)));
        bus.subscribe("d", m -> other.add(new String(m, StandardCharsets.UTF_8)));

        bus.publish("c", "one".getBytes(StandardCharsets.UTF_8));
        s1.close();
        s1.close(); // idempotent
        bus.publish("c", "two".getBytes(StandardCharsets.UTF_8));

        assertThat(first).containsExactly("one");
        assertThat(second).containsExactly("one", "two");
        assertThat(other).isEmpty();
    }

    @Test
    void aFailingReceiverDoesNotStopTheOthersAndAnEmptyChannelIsForgotten() {
        LocalMessageBus bus = LocalMessageBus.local();
        List<byte[]> got = new ArrayList<>();
        MessageBus.Subscription failing = bus.subscribe("c", m -> {
            throw new IllegalStateException("boom");
        });
        MessageBus.Subscription ok = bus.subscribe("c", got::add);
        bus.publish("c", new byte[] {1});
        assertThat(got).hasSize(1);
        assertThat(bus.isShared()).isFalse();
        assertThat(LocalMessageBus.shared().isShared()).isTrue();
        failing.close();
        ok.close();
        assertThat(bus.channelCount()).isZero();
    }
}
