package dev.jmcp.transport.http.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.transport.http.client.auth.internal.Pkce;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void matchesRfc7636AppendixB() {
        Pkce pkce = Pkce.fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generatedVerifiersAreUnreservedFortyThreeCharactersAndDistinct() {
        Pkce a = Pkce.generate();
        Pkce b = Pkce.generate();
        assertThat(a.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a.verifier()).isNotEqualTo(b.verifier());
        assertThat(Pkce.fromVerifier(a.verifier()).challenge()).isEqualTo(a.challenge());
        assertThat(a.toString()).doesNotContain(a.verifier());
    }
}
