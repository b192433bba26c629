package com.propcloud.pms.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTests {

    private final ClientAddresses addresses = new ClientAddresses("127\\.0\\.0\\.1|10\\..*");

    @Test
    void directClientIsTheConnectionsPeerAndItsForwardedForIsIgnored() {
        assertThat(addresses.resolve(request("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        assertThat(addresses.resolve(request("10.0.0.5", "203.0.113.66, 198.51.100.7, 10.0.0.9")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void allHopsTrustedGivesTheLeftmost() {
        assertThat(addresses.resolve(request("127.0.0.1", "10.1.1.1, 10.0.0.9")))
                .isEqualTo("10.1.1.1");
        assertThat(addresses.resolve(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void garbageInForwardedForStopsAtTheLastTrustedHop() {
        assertThat(addresses.resolve(request("10.0.0.5", "evil:key:injection*")))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void noTrustedProxiesConfiguredTrustsNoHeader() {
        assertThat(new ClientAddresses("").resolve(request("127.0.0.1", "203.0.113.9")))
                .isEqualTo("127.0.0.1");
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder =
                MockServerHttpRequest.get("/api/v1/me").remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }
}
