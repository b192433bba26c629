package com.propcloud.pms.user.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox provider: delivers later, to memory, to a JSON-lines file and to the log. */
@ExtendWith(OutputCaptureExtension.class)
class SmsSandboxTests {

    private static final String PHONE = "13900000001";
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    Path dir;

    Path file;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SandboxSmsSender sandbox;

    @BeforeEach
    void setUp() {
        file = dir.resolve("nested/run/sms.jsonl");
        SmsProperties properties = new SmsProperties(
                "sandbox", Duration.ofMinutes(5), Duration.ofMinutes(1), 10, ZoneId.of("Asia/Shanghai"), 5, file);
        sandbox = new SandboxSmsSender(properties, Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        sandbox.destroy();
    }

    private static SmsMessage code(String phone, String code) {
        return new SmsMessage(phone, "LOGIN", Map.of("code", code, "minutes", "5"));
    }

    @Test
    void keepsDeliveredMessagesInMemoryPerPhone() {
        sandbox.send(code(PHONE, "111111"));
        sandbox.send(code("13900000002", "222222"));
        sandbox.send(code(PHONE, "333333"));

        await().untilAsserted(() -> assertThat(sandbox.messagesTo(PHONE))
                .extracting(m -> m.parameters().get("code"))
                .containsExactly("111111", "333333"));
        assertThat(sandbox.latestTo(PHONE)).map(m -> m.parameters().get("code")).contains("333333");
        assertThat(sandbox.latestTo("13900000009")).isEmpty();
    }

    @Test
    void appendsOneJsonLinePerMessageWithTheFullNumber() throws Exception {
        sandbox.send(code(PHONE, "123456"));
        sandbox.send(code(PHONE, "654321"));

        await().until(() -> Files.exists(file) && Files.readAllLines(file).size() == 2);
        List<String> lines = Files.readAllLines(file);
        JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
        assertThat(first.get("phone").asString()).isEqualTo(PHONE);
        assertThat(first.get("template").asString()).isEqualTo("LOGIN");
        assertThat(first.get("parameters").get("code").asString()).isEqualTo("123456");
        assertThat(first.get("sentAt").asString()).isEqualTo(NOW.toString());
    }

    @Test
    void logsTheCodeWithTheNumberMasked(CapturedOutput output) {
        sandbox.send(code(PHONE, "123456"));

        await().untilAsserted(
                        () -> assertThat(output.getOut()).contains("SMS sandbox → 139****0001: code 123456 (LOGIN)"));
        assertThat(output.getAll()).doesNotContain(PHONE);
    }

    @Test
    void countsDeliveries() {
        sandbox.send(code(PHONE, "123456"));

        await().untilAsserted(
                        () -> assertThat(meters.counter("pms.sms.sent", "provider", "sandbox", "outcome", "delivered")
                                        .count())
                                .isEqualTo(1.0));
    }

    @Test
    void keepsOnlyTheRecentMessagesInMemory() {
        for (int i = 0; i < SandboxSmsSender.KEPT_MESSAGES + 5; i++) {
            sandbox.send(code(PHONE, String.format("%06d", i)));
        }

        await().until(() -> sandbox.latestTo(PHONE)
                .map(m -> m.parameters().get("code"))
                .filter(String.format("%06d", SandboxSmsSender.KEPT_MESSAGES + 4)::equals)
                .isPresent());
        assertThat(sandbox.messagesTo(PHONE)).hasSize(SandboxSmsSender.KEPT_MESSAGES);
        assertThat(sandbox.messagesTo(PHONE).get(0).parameters()).containsEntry("code", "000005");
    }

    @Test
    void aFileItCannotWriteIsCountedAsFailedButTheMessageStaysReadable() throws Exception {
        Files.writeString(dir.resolve("blocked"), "a file, not a directory");
        SmsProperties properties = new SmsProperties(
                "sandbox",
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                10,
                ZoneId.of("Asia/Shanghai"),
                5,
                dir.resolve("blocked/sms.jsonl"));
        SandboxSmsSender broken = new SandboxSmsSender(properties, Clock.systemUTC(), meters);
        try {
            broken.send(code(PHONE, "123456"));

            await().untilAsserted(
                            () -> assertThat(meters.counter("pms.sms.sent", "provider", "sandbox", "outcome", "failed")
                                            .count())
                                    .isEqualTo(1.0));
            assertThat(broken.latestTo(PHONE)).isPresent();
        } finally {
            broken.destroy();
        }
    }
}
