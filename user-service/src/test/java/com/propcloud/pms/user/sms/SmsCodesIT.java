package com.propcloud.pms.user.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.test.Endpoint;
import com.propcloud.pms.test.TestInfrastructure;
import com.propcloud.pms.user.crypto.CryptoProperties;
import com.propcloud.pms.user.crypto.SearchHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.NameMapper;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * SMS codes against the real Redis, with this test run's key prefix (as common-lib sets it in a
 * service) and nothing else started: a code is six digits, works once, survives four wrong tries but
 * not five, expires, and a phone gets one per resend interval and ten a day. Each test uses its own
 * phone.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmsCodesIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final UUID TENANT = UUID.randomUUID();

    static RedissonClient redis;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RecordingSender sender = new RecordingSender();
    final String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    final String phoneKey = "phone-key-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        TestInfrastructure infra = TestInfrastructure.get();
        Endpoint endpoint = infra.redis();
        String prefix = infra.redisKeyPrefix();
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + endpoint.host() + ":" + endpoint.port());
        if (!endpoint.password().isEmpty()) {
            config.setPassword(endpoint.password());
        }
        config.setNameMapper(new NameMapper() {
            @Override
            public String map(String name) {
                return prefix + name;
            }

            @Override
            public String unmap(String name) {
                return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            }
        });
        redis = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redis.shutdown();
    }

    private static final SearchHash SECRET_HASH = new SearchHash(new CryptoProperties(
            java.util.Map.of(), "unused", java.util.Base64.getEncoder().encodeToString(new byte[32])));

    static SmsProperties properties(Duration codeLife, Duration resendInterval) {
        return new SmsProperties("recording", codeLife, resendInterval, 10, SHANGHAI, 5, Path.of("unused.jsonl"));
    }

    SmsCodes codes(SmsProperties properties, Clock clock, SmsSender sender) {
        return new SmsCodes(redis, sender, properties, clock, meters, SECRET_HASH);
    }

    /** The issue's limits, with the real clock. */
    SmsCodes codes() {
        return codes(properties(Duration.ofMinutes(5), Duration.ofMinutes(1)), Clock.systemUTC(), sender);
    }

    /** No resend interval, so a test can issue one code after another. */
    SmsCodes codesWithoutWait() {
        return codes(properties(Duration.ofMinutes(5), Duration.ZERO), Clock.systemUTC(), sender);
    }

    static final class RecordingSender implements SmsSender {

        final List<SmsMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(SmsMessage message) {
            sent.add(message);
        }

        String lastCode() {
            return sent.get(sent.size() - 1).parameters().get("code");
        }
    }

    @Nested
    class Issuing {

        @Test
        void sendsSixDigitsToThePhone() {
            codes().issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);

            assertThat(sender.sent).singleElement().satisfies(message -> {
                assertThat(message.phone()).isEqualTo(phone);
                assertThat(message.template()).isEqualTo("LOGIN");
                assertThat(message.parameters()).containsEntry("minutes", "5");
                assertThat(message.parameters().get("code")).matches("[0-9]{6}");
            });
        }

        @Test
        void refusesASecondCodeWithinTheResendInterval() {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);

            assertThatThrownBy(() -> codes.issue(TENANT, phoneKey, phone, SmsPurpose.PASSWORD_RESET))
                    .isInstanceOfSatisfying(SmsCodeThrottledException.class, e -> {
                        assertThat(e.code()).isEqualTo("auth.sms-code-throttled");
                        assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
                    });
            assertThat(sender.sent).hasSize(1);
        }

        @Test
        void allowsTenADayInShanghaiUntilMidnightThere() {
            // one minute before midnight in Shanghai
            Instant lateEvening = Instant.parse("2026-11-22T15:59:00Z");
            MutableClock clock = new MutableClock(lateEvening);
            SmsCodes codes = codes(properties(Duration.ofMinutes(5), Duration.ZERO), clock, sender);
            for (int i = 0; i < 10; i++) {
                codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            }

            assertThatThrownBy(() -> codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN))
                    .isInstanceOfSatisfying(SmsCodeThrottledException.class, e -> assertThat(e.retryAfter())
                            .isEqualTo(Duration.ofMinutes(1)));
            assertThat(sender.sent).hasSize(10);

            clock.now = lateEvening.plus(Duration.ofMinutes(1));
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            assertThat(sender.sent).hasSize(11);
        }

        @Test
        void issuingWithoutSendingCountsButSendsNothing() {
            SmsCodes codes = codes();
            codes.issueWithoutSending(TENANT, phoneKey, SmsPurpose.LOGIN);

            assertThatThrownBy(() -> codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN))
                    .isInstanceOf(SmsCodeThrottledException.class);
            assertThat(sender.sent).isEmpty();
        }

        @Test
        void issuingWithoutSendingCountsTowardsTheDailyCap() {
            SmsCodes codes = codesWithoutWait();
            for (int i = 0; i < 10; i++) {
                codes.issueWithoutSending(TENANT, phoneKey, SmsPurpose.PASSWORD_RESET);
            }

            assertThatThrownBy(() -> codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN))
                    .isInstanceOf(SmsCodeThrottledException.class);
            assertThat(sender.sent).isEmpty();
        }

        @Test
        void aNewCodeReplacesTheOldOne() {
            SmsCodes codes = codesWithoutWait();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String first = sender.lastCode();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String second = sender.lastCode();

            if (!first.equals(second)) {
                assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, first))
                        .isFalse();
            }
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, second)).isTrue();
        }

        @Test
        void aNewCodeStartsWithAllItsTries() {
            SmsCodes codes = codesWithoutWait();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            wrongTries(codes, sender.lastCode(), 4);
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            wrongTries(codes, code, 4);

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
        }

        @Test
        void aProviderFailureKeepsTheCodeAndTheRequest(CapturedOutput output) {
            List<SmsMessage> refused = new ArrayList<>();
            SmsSender failing = message -> {
                refused.add(message);
                throw new IllegalStateException("provider down while sending " + message.phone() + " "
                        + message.parameters().get("code"));
            };
            SmsCodes codes =
                    codes(properties(Duration.ofMinutes(5), Duration.ofMinutes(1)), Clock.systemUTC(), failing);

            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);

            String code = refused.get(0).parameters().get("code");
            assertThat(meters.counter("pms.sms.sent", "provider", "recording", "outcome", "failed")
                            .count())
                    .isEqualTo(1.0);
            assertThatThrownBy(() -> codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN))
                    .as("the limits counted the code")
                    .isInstanceOf(SmsCodeThrottledException.class);
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
            assertThat(output.getAll()).contains(phone.substring(0, 3) + "****").doesNotContain(phone, code);
        }
    }

    @Nested
    class Verifying {

        @Test
        void acceptsTheRightCodeOnce() {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isFalse();
        }

        @Test
        void rejectsAWrongCodeAndKeepsTheRightOneUsable() {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, wrong(code)))
                    .isFalse();
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
        }

        @Test
        void acceptsTheRightCodeAfterFourWrongTries() {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            wrongTries(codes, code, 4);

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
        }

        @Test
        void fiveWrongTriesBurnTheCode() {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            wrongTries(codes, code, 5);

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isFalse();
        }

        @Test
        void parallelGuessesCannotOutrunTheTries() throws Exception {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            List<Boolean> answers = inParallel(20, () -> codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, wrong(code)));

            assertThat(answers).containsOnly(false);
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isFalse();
        }

        @Test
        void twoSimultaneousRightAnswersSucceedOnlyOnce() throws Exception {
            SmsCodes codes = codesWithoutWait();
            for (int round = 0; round < 20; round++) {
                // a phone of its own per round: twenty codes would exceed one phone's day
                String key = phoneKey + ":" + round;
                codes.issue(TENANT, key, phone, SmsPurpose.LOGIN);
                String code = sender.lastCode();

                List<Boolean> answers = inParallel(2, () -> codes.verify(TENANT, key, SmsPurpose.LOGIN, code));

                assertThat(answers).as("round %d", round).containsExactlyInAnyOrder(true, false);
            }
        }

        @Test
        void aCodeIsOnlyForItsPurposeAndTenant() {
            SmsCodes codes = codes();
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.PASSWORD_RESET, code))
                    .isFalse();
            assertThat(codes.verify(UUID.randomUUID(), phoneKey, SmsPurpose.LOGIN, code))
                    .isFalse();
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
        }

        @Test
        void nothingIssuedVerifiesNothing() {
            assertThat(codes().verify(TENANT, phoneKey, SmsPurpose.LOGIN, "123456"))
                    .isFalse();
            assertThat(codes().verify(TENANT, phoneKey, SmsPurpose.LOGIN, null)).isFalse();
        }

        @Test
        void aCodeExpires() throws InterruptedException {
            SmsCodes codes = codes(properties(Duration.ofMillis(700), Duration.ZERO), Clock.systemUTC(), sender);
            codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);
            String code = sender.lastCode();

            // Redis expires keys in real time, whatever the application's clock says
            Thread.sleep(1_000);

            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code)).isFalse();
        }
    }

    @Nested
    class WithTheSandbox {

        @TempDir
        Path dir;

        @Test
        void theSandboxRecordsTheCodeInMemoryAndInItsFile() throws Exception {
            Path file = dir.resolve("run/sms-sandbox.jsonl");
            SmsProperties properties =
                    new SmsProperties("sandbox", Duration.ofMinutes(5), Duration.ofMinutes(1), 10, SHANGHAI, 5, file);
            SandboxSmsSender sandbox = new SandboxSmsSender(properties, Clock.systemUTC(), meters);
            try {
                SmsCodes codes = codes(properties, Clock.systemUTC(), sandbox);

                codes.issue(TENANT, phoneKey, phone, SmsPurpose.LOGIN);

                SmsMessage delivered = await().until(() -> sandbox.latestTo(phone), java.util.Optional::isPresent)
                        .orElseThrow();
                String code = delivered.parameters().get("code");
                await().until(() ->
                        Files.exists(file) && !Files.readAllLines(file).isEmpty());
                assertThat(Files.readAllLines(file))
                        .singleElement()
                        .asString()
                        .contains("\"phone\":\"" + phone + "\"", "\"code\":\"" + code + "\"");
                assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, code))
                        .isTrue();
            } finally {
                sandbox.destroy();
            }
        }
    }

    private void wrongTries(SmsCodes codes, String code, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(codes.verify(TENANT, phoneKey, SmsPurpose.LOGIN, wrong(code)))
                    .isFalse();
        }
    }

    /** A code that is certainly not {@code code}. */
    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static List<Boolean> inParallel(int threads, java.util.concurrent.Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static final class MutableClock extends Clock {

        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
