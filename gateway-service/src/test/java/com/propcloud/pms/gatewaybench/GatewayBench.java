package com.propcloud.pms.gatewaybench;

import com.propcloud.pms.gateway.GatewayApplication;
import com.propcloud.pms.test.TestJwks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Processes for {@code bench/gateway-overhead.sh}; a benchmark harness, not a test. It lives in the
 * test sources on purpose: the "filters off" gateway below exists only on the test classpath, never
 * in the gateway's jar, so no configuration of a deployed gateway can switch its token check off.
 *
 * <ul>
 *   <li>{@code stub <port>}: a trivial downstream (Reactor Netty, keep-alive, a small JSON body)
 *   <li>{@code full <port> <stubUri> <tokenFile> [users]}: the real gateway, token check and rate
 *       limiter on (budgets too large to ever refuse, so every request is checked and allowed); valid
 *       tokens of {@code users} different users (default 1) are written to {@code tokenFile}, one
 *       per line
 *   <li>{@code token <port> <stubUri> <tokenFile>}: token check on, rate limiter off (to split the cost)
 *   <li>{@code plain <port> <stubUri>}: the same gateway with the limiter off and a permit-all
 *       security chain ahead of the real one
 * </ul>
 */
public final class GatewayBench {

    private static final byte[] BODY =
            "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"bench\"}".getBytes(StandardCharsets.UTF_8);

    private GatewayBench() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "stub" -> stub(Integer.parseInt(args[1]));
            case "full" -> gateway(true, args[1], args[2], Path.of(args[3]), users(args));
            case "token" ->
                gateway(true, args[1], args[2], Path.of(args[3]), 1, "--pms.gateway.rate-limit.enabled=false");
            case "plain" -> gateway(false, args[1], args[2], null, 0);
            default -> throw new IllegalArgumentException("stub | full | token | plain");
        }
    }

    private static int users(String[] args) {
        return args.length > 4 ? Integer.parseInt(args[4]) : 1;
    }

    private static void stub(int port) {
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(BODY.length))
                        .sendByteArray(Mono.just(BODY)))
                .bindNow();
        System.out.println("stub listening on " + server.port());
        server.onDispose().block();
    }

    private static void gateway(boolean full, String port, String stubUri, Path tokenFile, int users, String... extra)
            throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        for (String service : new String[] {"USER", "ASSET", "WORKORDER", "BILLING", "IOT", "REPORTING"}) {
            properties.put("PMS_" + service + "_URI", stubUri);
        }
        properties.put("pms.redis.key-prefix", "bench:" + UUID.randomUUID() + ":");
        properties.put("logging.level.root", "WARN");
        properties.put(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                TestJwks.get().jwksUri());
        SpringApplication app;
        if (full) {
            // never refuses, but still checks and spends both buckets (user and address) in Redis
            for (String budget : new String[] {"per-user", "per-ip"}) {
                properties.put("pms.gateway.rate-limit." + budget + ".rate", "1000000");
                properties.put("pms.gateway.rate-limit." + budget + ".burst", "1000000");
            }
            List<String> tokens = new ArrayList<>(users);
            for (int i = 0; i < users; i++) {
                tokens.add(TestJwks.get()
                        .token()
                        .subject(UUID.randomUUID())
                        .lifetime(java.time.Duration.ofHours(1))
                        .sign());
            }
            Files.write(tokenFile, tokens);
            app = new SpringApplication(GatewayApplication.class);
        } else {
            properties.put("pms.gateway.rate-limit.enabled", "false");
            app = new SpringApplication(GatewayApplication.class, FiltersOff.class);
        }
        // the gateway's component scan would otherwise pick up the integration tests' configurations
        app.addInitializers(
                context -> context.getBeanFactory().registerSingleton("benchExcludesTests", new TypeExcludeFilter() {
                    @Override
                    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
                        return reader.getResource().getURL().getPath().contains("/test-classes/");
                    }
                }));
        // as command-line arguments: above application.yml, which pins e.g. server.port to ${PORT}
        app.run(java.util.stream.Stream.concat(
                        properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                        java.util.Arrays.stream(extra))
                .toArray(String[]::new));
    }

    /** Bench only: a security chain ahead of the real one that checks nothing. */
    static class FiltersOff {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityWebFilterChain benchPermitAll(ServerHttpSecurity http) {
            return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .headers(ServerHttpSecurity.HeaderSpec::disable)
                    .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                    .build();
        }
    }
}
