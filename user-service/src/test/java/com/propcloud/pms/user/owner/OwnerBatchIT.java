package com.propcloud.pms.user.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.AuditQuery;
import com.propcloud.pms.common.audit.AuditTrail;
import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.Api;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /internal/v1/tenants/{tenantId}/owners/batch}: another service's import creates or matches
 * people by phone, a whole batch or nothing, with a service token only, never across tenants.
 */
@UserServiceTest
class OwnerBatchIT {

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OwnerAccounts owners;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    Api api;
    InternalCalls calls;
    TenantRef tenant;
    String serviceToken;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        calls = new InternalCalls(client, tenants, staff);
        tenant = newTenant("Owner batch");
        serviceToken = calls.serviceToken();
    }

    @Nested
    class Creating {

        @Test
        void createsEachPersonWithTheNumbersProtectedAndAnswersInRequestOrder() {
            String first = OwnersApiIT.randomPhone();
            String second = OwnersApiIT.randomPhone();
            String idNumber = IdNumbers.withCheckCharacter("11010119850202123");

            var result = batch(
                    tenant,
                    UUID.randomUUID(),
                    entry("row-2", "张伟", first, idNumber, "OWNER"),
                    entry("row-3", "李娜", second, null, "RESIDENT"));

            assertThat(result.getStatus().value()).isEqualTo(200);
            List<Map<String, Object>> answered = owners(result);
            assertThat(answered).extracting(o -> o.get("ref")).containsExactly("row-2", "row-3");
            assertThat(answered).extracting(o -> o.get("created")).containsExactly(true, true);
            assertThat(answered.get(0))
                    .containsEntry("displayName", "张伟")
                    .containsEntry("phoneMasked", masked(first))
                    .containsEntry("category", "OWNER")
                    .containsEntry("status", "ACTIVE")
                    .containsKeys("ownerId", "updatedAt");
            assertThat(result.getResponseBody().toString())
                    .doesNotContain(first)
                    .doesNotContain(idNumber);
            Map<String, Object> row = row(tenant, ownerId(answered.get(0)));
            assertThat(row.toString()).doesNotContain(first).doesNotContain(idNumber);
            assertThat((String) row.get("id_number_cipher")).startsWith("v1.");
        }

        @Test
        void announcesEachNewPersonOnce() {
            var answered = owners(batch(
                    tenant,
                    UUID.randomUUID(),
                    entry("1", "王芳", OwnersApiIT.randomPhone(), null, "OWNER"),
                    entry("2", "刘洋", OwnersApiIT.randomPhone(), null, "OWNER")));

            for (Map<String, Object> owner : answered) {
                assertThat(outboxRows(ownerId(owner), "user.owner.created")).isEqualTo(1);
            }
        }

        @Test
        void theSameBatchAgainMatchesEveryEntryAndAnnouncesNothing() {
            UUID importId = UUID.randomUUID();
            List<Map<String, Object>> entries = List.of(
                    entry("1", "陈静", OwnersApiIT.randomPhone(), null, "OWNER"),
                    entry("2", "杨磊", OwnersApiIT.randomPhone(), null, "RESIDENT"));
            List<Map<String, Object>> firstRun = owners(batch(tenant, importId, entries));

            List<Map<String, Object>> secondRun = owners(batch(tenant, importId, entries));

            assertThat(secondRun).extracting(OwnerBatchIT::ownerId).isEqualTo(ids(firstRun));
            assertThat(secondRun).extracting(o -> o.get("created")).containsOnly(false);
            assertThat(secondRun)
                    .extracting(o -> o.get("updatedAt"))
                    .isEqualTo(firstRun.stream().map(o -> o.get("updatedAt")).toList());
            for (UUID id : ids(firstRun)) {
                assertThat(outboxRows(id, "user.owner.%")).isEqualTo(1);
            }
        }

        @Test
        void aMixedBatchMatchesTheKnownPhoneUnchangedAndCreatesTheNewOne() {
            String known = OwnersApiIT.randomPhone();
            OwnerMember existing = TenantContext.callAs(
                    tenant.id(),
                    () -> owners.open(new OwnerAccounts.NewOwner("赵敏", OwnerCategory.RESIDENT, known, null)));
            String dashed = "+86 " + known.substring(0, 3) + "-" + known.substring(3, 7) + "-" + known.substring(7);

            List<Map<String, Object>> answered = owners(batch(
                    tenant,
                    UUID.randomUUID(),
                    entry("1", "赵敏敏", dashed, IdNumbers.withCheckCharacter("11010119900101123"), "OWNER"),
                    entry("2", "孙强", OwnersApiIT.randomPhone(), null, "OWNER")));

            assertThat(answered.get(0))
                    .containsEntry("ownerId", existing.id().toString())
                    .containsEntry("created", false)
                    .containsEntry("displayName", "赵敏")
                    .containsEntry("category", "RESIDENT");
            assertThat(answered.get(1)).containsEntry("created", true);
            assertThat(row(tenant, existing.id()).get("id_number_cipher")).isNull();
            assertThat(outboxRows(existing.id(), "user.owner.%")).isEqualTo(1);
        }

        @Test
        void entriesWithOnePhoneShareOnePersonAndTheFirstNameWins() {
            String phone = OwnersApiIT.randomPhone();

            List<Map<String, Object>> answered = owners(batch(
                    tenant,
                    UUID.randomUUID(),
                    entry("1", "周杰", phone, null, "OWNER"),
                    entry("2", "周杰伦", "86" + phone, null, "RESIDENT")));

            assertThat(ownerId(answered.get(1))).isEqualTo(ownerId(answered.get(0)));
            assertThat(answered).extracting(o -> o.get("displayName")).containsOnly("周杰");
            assertThat(answered).extracting(o -> o.get("created")).containsExactly(true, false);
            assertThat(outboxRows(ownerId(answered.get(0)), "user.owner.created"))
                    .isEqualTo(1);
        }

        @Test
        void concurrentBatchesOfTheSamePhonesEndWithTheSamePeople() {
            List<Map<String, Object>> entries = IntStream.range(0, 40)
                    .mapToObj(i -> entry("r" + i, "并发" + i, OwnersApiIT.randomPhone(), null, "OWNER"))
                    .toList();

            var one = CompletableFuture.supplyAsync(() -> batch(tenant, UUID.randomUUID(), entries));
            var two = CompletableFuture.supplyAsync(() -> batch(tenant, UUID.randomUUID(), entries));

            List<UUID> first = ids(owners(one.join()));
            List<UUID> second = ids(owners(two.join()));
            assertThat(second).isEqualTo(first);
            for (UUID id : first) {
                assertThat(outboxRows(id, "user.owner.created")).isEqualTo(1);
            }
        }

        @Test
        void aPersonCreatedWhileTheBatchIsWrittenIsMatchedInsteadOfFailingIt() throws Exception {
            String phone = OwnersApiIT.randomPhone();
            CountDownLatch opened = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // the front desk registers the same phone in a transaction that commits only when released
            var rival = CompletableFuture.supplyAsync(() ->
                    TenantContext.callAs(tenant.id(), () -> new TransactionTemplate(transactions).execute(status -> {
                        OwnerMember opening =
                                owners.open(new OwnerAccounts.NewOwner("高圆圆", OwnerCategory.OWNER, phone, null));
                        opened.countDown();
                        awaitLatch(release);
                        return opening;
                    })));
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();

            var batch = CompletableFuture.supplyAsync(
                    () -> batch(tenant, UUID.randomUUID(), entry("1", "高圆", phone, null, "OWNER")));
            await().atMost(Duration.ofSeconds(10)).until(OwnerBatchIT.this::anOwnerInsertWaitsForALock);
            release.countDown();

            OwnerMember theirs = rival.get(10, TimeUnit.SECONDS);
            List<Map<String, Object>> answered = owners(batch.get(10, TimeUnit.SECONDS));
            assertThat(answered.get(0))
                    .containsEntry("ownerId", theirs.id().toString())
                    .containsEntry("created", false)
                    .containsEntry("displayName", "高圆圆");
        }

        @Test
        void theBatchIsAuditedOnceWithItsCounts() {
            UUID importId = UUID.randomUUID();
            String known = OwnersApiIT.randomPhone();
            batch(tenant, UUID.randomUUID(), entry("0", "钱坤", known, null, "OWNER"));

            batch(
                    tenant,
                    importId,
                    entry("1", "钱坤", known, null, "OWNER"),
                    entry("2", "吴昊", OwnersApiIT.randomPhone(), null, "OWNER"));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                audit.flush(Duration.ofSeconds(2));
                var events = trail.find(
                                new AuditQuery(tenant.id(), null, "owner.imported", importId.toString(), null, null),
                                PageRequest.of(0, 10))
                        .getContent();
                assertThat(events).singleElement().satisfies(event -> assertThat(event.details())
                        .containsEntry("entries", "2")
                        .containsEntry("created", "1")
                        .containsEntry("matched", "1"));
            });
        }
    }

    @Nested
    class Refusing {

        @Test
        void oneInvalidEntryRefusesTheWholeBatchNamingEveryProblem() {
            String good = OwnersApiIT.randomPhone();
            String badId = "110105194912310021";

            var result = batch(
                    tenant,
                    UUID.randomUUID(),
                    entry("1", "郑爽", good, null, "OWNER"),
                    entry("2", " ", "1390000", badId, "LANDLORD"),
                    entry("1", "冯巩", OwnersApiIT.randomPhone(), null, "OWNER"));

            assertThat(result.getStatus().value()).isEqualTo(422);
            assertThat(result.getResponseBody()).containsEntry("code", "owner.batch-invalid");
            assertThat(problems(result))
                    .containsExactly(
                            List.of("2", "displayName"),
                            List.of("2", "phone"),
                            List.of("2", "idNumber"),
                            List.of("2", "category"),
                            List.of("1", "ref"));
            assertThat(result.getResponseBody().toString())
                    .doesNotContain("1390000")
                    .doesNotContain(badId);
            var found = TenantContext.callAs(tenant.id(), () -> owners.findActiveByPhone(good));
            assertThat(found).isEmpty();
        }

        @Test
        void aPersonsTokenIsForbidden() {
            String desk = staffToken(tenant);

            var result = post(
                    path(tenant.id()),
                    body(UUID.randomUUID(), List.of(entry("1", "何炅", OwnersApiIT.randomPhone(), null, "OWNER"))),
                    desk);

            assertThat(result.getStatus().value()).isEqualTo(403);
            assertThat(result.getResponseBody()).containsEntry("code", "auth.forbidden");
        }

        @Test
        void anUnknownTenantIsNotFoundAndASuspendedOneUnprocessable() {
            var unknown = post(
                    path(UUID.randomUUID()),
                    body(UUID.randomUUID(), List.of(entry("1", "谢娜", OwnersApiIT.randomPhone(), null, "OWNER"))),
                    serviceToken);
            TenantRef suspended = newTenant("Suspended batch");
            tenants.suspend(suspended.id());
            var inactive =
                    batch(suspended, UUID.randomUUID(), entry("1", "谢娜", OwnersApiIT.randomPhone(), null, "OWNER"));

            assertThat(unknown.getStatus().value()).isEqualTo(404);
            assertThat(unknown.getResponseBody()).containsEntry("code", "not-found");
            assertThat(inactive.getStatus().value()).isEqualTo(422);
            assertThat(inactive.getResponseBody()).containsEntry("code", "owner.tenant-inactive");
        }

        @Test
        void aBatchOfMoreThanFiveHundredIsInvalid() {
            List<Map<String, Object>> entries = IntStream.range(0, 501)
                    .mapToObj(i -> entry("r" + i, "批量", OwnersApiIT.randomPhone(), null, "OWNER"))
                    .toList();

            var result = batch(tenant, UUID.randomUUID(), entries);

            assertThat(result.getStatus().value()).isEqualTo(400);
            assertThat(result.getResponseBody()).containsEntry("code", "validation-failed");
        }

        @Test
        void anotherTenantsPersonWithTheSamePhoneIsNeverMatched() {
            String phone = OwnersApiIT.randomPhone();
            TenantRef other = newTenant("Other batch");
            OwnerMember theirs = TenantContext.callAs(
                    other.id(), () -> owners.open(new OwnerAccounts.NewOwner("林峰", OwnerCategory.OWNER, phone, null)));

            List<Map<String, Object>> answered =
                    owners(batch(tenant, UUID.randomUUID(), entry("1", "林峰", phone, null, "OWNER")));

            assertThat(answered.get(0)).containsEntry("created", true);
            assertThat(ownerId(answered.get(0))).isNotEqualTo(theirs.id());
            assertThat(row(other, ownerId(answered.get(0)))).isNull();
        }
    }

    /**
     * A batch is matched by one probe of the phone index per phone, however many people the tenant has:
     * the plan is pinned, not timed. A {@code phone_hash in (…)} query may be planned as a scan of the
     * tenant's rows filtered against every phone whenever statistics lag behind a bulk load, which made a
     * 50,000-person import quadratic; the probe form cannot be.
     */
    @Nested
    class MatchingAtScale {

        @Test
        void probesThePhoneIndexOncePerPhoneInsteadOfFilteringTheTenantsPeople() {
            TenantRef large = newTenant("Large register");
            TenantContext.runAs(large.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                // the made-up people (their "cipher" is no ciphertext) must not outlive the test: the key
                // rotation reads every owner of every tenant
                tx.setRollbackOnly();
                jdbc.update("""
                        insert into owner_account (id, tenant_id, display_name, category, phone_cipher, phone_hash,
                                                   phone_masked, status, created_at, updated_at)
                        select gen_random_uuid(), ?, 'Owner ' || n, 'OWNER', 'cipher', md5(n::text) || md5('x' || n),
                               '136****0000', 'ACTIVE', now(), now()
                        from generate_series(1, 20000) n""", large.id());
                List<String> wanted = jdbc.queryForList(
                        "select md5(n::text) || md5('x' || n) from generate_series(37, 18500, 37) n", String.class);
                // prepared with a generic plan, as the application's statements are after a few runs
                String sql = OwnerAccountRepository.MATCH_BY_PHONE_HASHES
                        .replace(":tenantId", "$1")
                        .replace(":phoneHashes", "$2");
                jdbc.execute("set local plan_cache_mode = force_generic_plan");
                jdbc.execute("prepare match_probe (uuid, text[]) as " + sql);
                List<String> plan = jdbc.queryForList(
                        "explain (analyze, costs off) execute match_probe('" + large.id() + "', '{"
                                + String.join(",", wanted) + "}')",
                        String.class);
                jdbc.execute("deallocate match_probe");

                assertThat(wanted).hasSize(500);
                assertThat(plan)
                        .as("%s", String.join("\n", plan))
                        .anyMatch(line -> line.contains("Nested Loop") && line.contains("rows=500 loops=1"))
                        .anyMatch(line -> line.contains("Index Scan using owner_account_tenant_phone_uq")
                                && line.contains("rows=1 loops=500"))
                        .noneMatch(line -> line.contains("Rows Removed by Filter"));
            }));
        }
    }

    @SafeVarargs
    private EntityExchangeResult<Api.Json> batch(TenantRef in, UUID importId, Map<String, Object>... entries) {
        return batch(in, importId, List.of(entries));
    }

    private EntityExchangeResult<Api.Json> batch(TenantRef in, UUID importId, List<Map<String, Object>> entries) {
        return post(path(in.id()), body(importId, entries), serviceToken);
    }

    private EntityExchangeResult<Api.Json> post(String path, Object body, String token) {
        return api.post(path, body, token);
    }

    private static String path(UUID tenantId) {
        return "/internal/v1/tenants/" + tenantId + "/owners/batch";
    }

    private static Map<String, Object> body(UUID importId, List<Map<String, Object>> entries) {
        return Map.of("importId", importId.toString(), "owners", entries);
    }

    private static Map<String, Object> entry(String ref, String name, String phone, String idNumber, String category) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("ref", ref);
        entry.put("displayName", name);
        entry.put("phone", phone);
        entry.put("idNumber", idNumber);
        entry.put("category", category);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> owners(EntityExchangeResult<Api.Json> result) {
        assertThat(result.getStatus().value())
                .as("%s", result.getResponseBody())
                .isEqualTo(200);
        return (List<Map<String, Object>>) result.getResponseBody().get("owners");
    }

    private static List<List<Object>> problems(EntityExchangeResult<Api.Json> result) {
        List<List<Object>> found = new ArrayList<>();
        for (Object problem : (List<?>) result.getResponseBody().get("problems")) {
            Map<?, ?> fields = (Map<?, ?>) problem;
            assertThat(fields.get("reason")).isInstanceOf(String.class);
            found.add(List.of(fields.get("ref"), fields.get("field")));
        }
        return found;
    }

    private static UUID ownerId(Map<String, Object> owner) {
        return UUID.fromString((String) owner.get("ownerId"));
    }

    private static List<UUID> ids(List<Map<String, Object>> answered) {
        return answered.stream().map(OwnerBatchIT::ownerId).toList();
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private long outboxRows(UUID aggregateId, String typePattern) {
        return jdbc.queryForObject(
                "select count(*) from outbox_event where aggregate_id = ? and type like ?",
                Long.class,
                aggregateId,
                typePattern);
    }

    /** The owner's row as the database holds it, read under {@code in}'s row-level security; null if unseen. */
    private Map<String, Object> row(TenantRef in, UUID ownerId) {
        return TenantContext.callAs(in.id(), () -> new TransactionTemplate(transactions)
                .execute(status -> jdbc.queryForList("select * from owner_account where id = ?", ownerId).stream()
                        .findFirst()
                        .orElse(null)));
    }

    private boolean anOwnerInsertWaitsForALock() {
        Long waiting = jdbc.queryForObject(
                "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and query like 'insert into owner_account%'",
                Long.class);
        return waiting != null && waiting > 0;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private TenantRef newTenant(String name) {
        return calls.newTenant(name);
    }

    private String staffToken(TenantRef in) {
        return calls.staffToken(in);
    }
}
