package com.propcloud.pms.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.propcloud.pms.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.PageRequest;

/**
 * The audit trail against the test run's MongoDB (a real one where available, else the embedded
 * MongoDB-wire server): auto-configured only with a MongoClient, writes land with their indexes,
 * details are scrubbed, and an unreachable MongoDB never reaches the caller.
 */
class AuditLogIT {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, AuditAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(
                    "spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(), "spring.application.name=auditit");

    @Test
    void aServiceWithoutMongoGetsNoAuditLog() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
                .run(context ->
                        assertThat(context).doesNotHaveBean(AuditLog.class).doesNotHaveBean(AuditTrail.class));
    }

    @Test
    void writesLandWithTheirIndexesAndReadBackNewestFirst() {
        contexts.run(context -> {
            AuditLog audit = context.getBean(AuditLog.class);
            AuditTrail trail = context.getBean(AuditTrail.class);
            UUID tenant = UUID.randomUUID();
            UUID actor = UUID.randomUUID();
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            audit.record(AuditEvent.builder("auth.login.succeeded")
                    .tenant(tenant)
                    .actor(actor, "staff", "Demo HQ Admin")
                    .target("staff", actor)
                    .origin(new RequestOrigin("203.0.113.7", "curl/8"))
                    .at(t0)
                    .build());
            audit.record(AuditEvent.builder("staff.roles.changed")
                    .tenant(tenant)
                    .actor(actor, "staff", null)
                    .target("staff", "someone")
                    .detail("roles", "FINANCE")
                    .at(t0.plusSeconds(1))
                    .build());
            assertThat(audit.flush(Duration.ofSeconds(20))).isTrue();

            var page = trail.find(AuditQuery.forTenant(tenant), PageRequest.of(0, 10));
            assertThat(page.getTotalElements()).isEqualTo(2);
            assertThat(page.getContent())
                    .extracting(AuditEvent::action)
                    .containsExactly("staff.roles.changed", "auth.login.succeeded");
            AuditEvent login = page.getContent().get(1);
            assertThat(login.ip()).isEqualTo("203.0.113.7");
            assertThat(login.userAgent()).isEqualTo("curl/8");
            assertThat(login.occurredAt()).isEqualTo(t0);
            assertThat(login.actor()).isEqualTo(new AuditEvent.Actor(actor.toString(), "staff", "Demo HQ Admin"));

            var byAction = trail.find(new AuditQuery(tenant, null, "staff.*", null, null, null), PageRequest.of(0, 10));
            assertThat(byAction.getContent()).extracting(AuditEvent::action).containsExactly("staff.roles.changed");

            var byTime =
                    trail.find(new AuditQuery(tenant, null, null, null, t0, t0.plusSeconds(1)), PageRequest.of(0, 10));
            assertThat(byTime.getContent()).extracting(AuditEvent::action).containsExactly("auth.login.succeeded");

            List<String> indexes = new ArrayList<>();
            collection(context).listIndexes().forEach(index -> indexes.add(index.getString("name")));
            assertThat(indexes)
                    .contains("tenant_time", "tenant_action_time", "tenant_actor_time", "tenant_target_time");
            Document stored = collection(context)
                    .find(new Document("_id", login.id().toString()))
                    .first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("source")).isEqualTo("auditit");
            assertThat(stored.get("occurredAt")).isInstanceOf(java.util.Date.class);
        });
    }

    @Test
    void aPhoneOrIdNumberInDetailsNeverReachesTheStore() {
        contexts.run(context -> {
            AuditLog audit = context.getBean(AuditLog.class);
            UUID tenant = UUID.randomUUID();
            AuditEvent event = AuditEvent.builder("pii.revealed")
                    .tenant(tenant)
                    .detail("field", "phone")
                    .detail("value", "13812345678")
                    .detail("note", "id 110101199003071234")
                    .detail("password", "Demo#2026")
                    .build();

            audit.record(event);
            assertThat(audit.flush(Duration.ofSeconds(20))).isTrue();

            Document stored = collection(context)
                    .find(new Document("_id", event.id().toString()))
                    .first();
            assertThat(stored).isNotNull();
            String json = stored.toJson();
            assertThat(json)
                    .doesNotContain("13812345678")
                    .doesNotContain("110101199003071234")
                    .doesNotContain("Demo#2026")
                    .contains("138****5678")
                    .contains("1101**********1234");
            assertThat(Masking.containsPersonalNumber(json)).isFalse();
        });
    }

    @Test
    void anUnreachableMongoNeverThrowsIntoTheCallerAndIsCounted() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MongoClient dead = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/dead"))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(200, TimeUnit.MILLISECONDS))
                .build());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MongoAuditLog audit = new MongoAuditLog(
                dead.getDatabase("dead").getCollection("audit_event"),
                "auditit",
                2,
                10,
                2,
                Duration.ofMillis(50),
                meters);
        audit.start();
        try {
            long started = System.nanoTime();
            assertThatCode(() -> {
                        for (int i = 0; i < 20; i++) {
                            audit.record(AuditEvent.builder("auth.login.failed")
                                    .detail("tenant", "demo")
                                    .build());
                        }
                    })
                    .doesNotThrowAnyException();
            // recording never waits for MongoDB
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

            assertThat(audit.flush(Duration.ofSeconds(20))).isTrue();
            double failed = meters.find(MongoAuditLog.FAILED_METRIC).counters().stream()
                    .mapToDouble(c -> c.count())
                    .sum();
            assertThat(failed).isEqualTo(20);
            assertThat(meters.find(MongoAuditLog.FAILED_METRIC)
                            .tag("reason", "queue-full")
                            .counter())
                    .isNotNull();
            assertThat(meters.find(MongoAuditLog.FAILED_METRIC)
                            .tag("reason", "unavailable")
                            .counter())
                    .isNotNull();
        } finally {
            audit.stop();
            dead.close();
        }
    }

    private static MongoCollection<Document> collection(
            org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
        return context.getBean(MongoClient.class)
                // the database named by the URI: the test run's own
                .getDatabase(TestInfrastructure.get().runId())
                .getCollection("audit_event");
    }
}
