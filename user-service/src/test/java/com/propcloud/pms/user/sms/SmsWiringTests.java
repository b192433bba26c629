package com.propcloud.pms.user.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.user.crypto.CryptoProperties;
import com.propcloud.pms.user.crypto.SearchHash;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Which beans the {@code pms.sms} settings give, and the issue's limits as defaults. */
class SmsWiringTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    @Import({SmsCodes.class, SandboxSmsSender.class})
    static class Infrastructure {

        @Bean
        RedissonClient redisson() {
            return Mockito.mock(RedissonClient.class);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        SearchHash secretHash() {
            return new SearchHash(new CryptoProperties(
                    java.util.Map.of(), "unused", java.util.Base64.getEncoder().encodeToString(new byte[32])));
        }
    }

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Infrastructure.class);

    @Test
    void defaultsToTheIssuesLimitsAndTheSandbox() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SmsCodes.class).hasSingleBean(SandboxSmsSender.class);
            assertThat(context.getBean(SmsProperties.class))
                    .isEqualTo(new SmsProperties(
                            "sandbox",
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(1),
                            10,
                            ZoneId.of("Asia/Shanghai"),
                            5,
                            Path.of(".run/sms-sandbox.jsonl")));
        });
    }

    @Test
    void bindsOverrides() {
        runner.withPropertyValues("pms.sms.resend-interval=0s", "pms.sms.sandbox-file=/tmp/x/sms.jsonl")
                .run(context -> {
                    SmsProperties properties = context.getBean(SmsProperties.class);
                    assertThat(properties.resendInterval()).isZero();
                    assertThat(properties.sandboxFile()).isEqualTo(Path.of("/tmp/x/sms.jsonl"));
                });
    }

    @Test
    void anotherProviderLeavesTheSandboxOut() {
        SmsSender other = message -> {};
        runner.withPropertyValues("pms.sms.provider=other")
                .withBean(SmsSender.class, () -> other)
                .run(context -> assertThat(context)
                        .doesNotHaveBean(SandboxSmsSender.class)
                        .getBean(SmsSender.class)
                        .isSameAs(other));
    }
}
