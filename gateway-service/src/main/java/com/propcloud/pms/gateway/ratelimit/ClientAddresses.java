package com.propcloud.pms.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * The address a request really comes from. The connection's peer, unless that peer is one of our
 * own proxies ({@code spring.cloud.gateway.server.webflux.trusted-proxies}, the setting the gateway
 * already uses for {@code X-Forwarded-*}): then {@code X-Forwarded-For} is read from the right, and
 * the first address that is not a trusted proxy is the client. Anything further left was written by
 * the client itself and proves nothing.
 */
final class ClientAddresses {

    static final String UNKNOWN = "unknown";

    /** IPv4 or IPv6 literal (loosely): also keeps arbitrary client text out of Redis keys. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final TrustedProxies trusted;

    /** @param trustedProxies the regex of trusted proxy addresses; blank trusts no proxy */
    ClientAddresses(String trustedProxies) {
        this.trusted = StringUtils.hasText(trustedProxies) ? TrustedProxies.from(trustedProxies) : address -> false;
    }

    String resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        String peer = remote.getAddress().getHostAddress();
        if (!trusted.isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                // not an address a proxy of ours writes: keep the last hop we could trust
                return client;
            }
            client = hop;
            if (!trusted.isTrusted(client)) {
                return client;
            }
        }
        // every hop is one of ours (or there are none): the leftmost is the best we know
        return client;
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                String trimmed = hop.trim();
                if (!trimmed.isEmpty()) {
                    hops.add(trimmed);
                }
            }
        }
        return hops;
    }
}
