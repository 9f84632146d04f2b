package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostPortIpv4Test {
    @Test
    void dottedQuadsWithoutLeadingZerosAndInRangeAreIpv4() {
        for (String ok : new String[] {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.20.30.40", "1.2.3.4"}) {
            assertThat(HostPort.isIpv4(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {
            "",
            ".",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.",
            ".1.2.3",
            "1..2.3",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3.04",
            "1.2.3.a",
            "1.2.3.4 ",
            "1234.1.1.1",
            "localhost",
            "::1",
            "1.2.3.-4",
            "999.999.999.999"
        }) {
            assertThat(HostPort.isIpv4(bad)).as(bad).isFalse();
        }
    }
}
