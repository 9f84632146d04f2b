package dev.jmcp.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthInfoTest {

    @Test
    void aUserWhoseSubjectEqualsAClientIdIsAnotherOwner() {
        AuthInfo user = new AuthInfo("t1", null, "alice", Set.of(), null, Map.of());
        AuthInfo machine = new AuthInfo("t2", "alice", null, Set.of(), null, Map.of());
        assertThat(user.principal()).isEqualTo(machine.principal()); // the display name alone is ambiguous
        assertThat(user.ownerKey()).isNotEqualTo(machine.ownerKey());
    }

    @Test
    void theSameSubjectFromAnotherIssuerIsAnotherOwner() {
        AuthInfo a = new AuthInfo("t1", "c", "alice", Set.of(), null, Map.of("iss", "https://a.example"));
        AuthInfo b = new AuthInfo("t2", "c", "alice", Set.of(), null, Map.of("iss", "https://b.example"));
        assertThat(a.ownerKey()).isNotEqualTo(b.ownerKey());
        assertThat(new AuthInfo("t3", null, null, Set.of(), null, Map.of()).ownerKey())
                .isNull();
    }
}
