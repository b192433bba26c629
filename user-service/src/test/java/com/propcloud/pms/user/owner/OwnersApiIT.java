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
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front desk's owner register: numbers stored only encrypted and hashed, shown masked, found by
 * exact phone, revealed only to the roles allowed and always audited; another tenant's owner is 404.
 */
@UserServiceTest
class OwnersApiIT {

    private static final String PASSWORD = "Fresh#Tenant2026";

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

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

    TenantRef tenant;
    String desk;
    String technician;
    String projectManager;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        tenant = tenants.registerIfAbsent("own-" + UUID.randomUUID().toString().substring(0, 8), "Owners test");
        desk = tokenOf("desk", StaffRole.FRONT_DESK);
        technician = tokenOf("tech", StaffRole.TECHNICIAN);
        projectManager = tokenOf("pm", StaffRole.PROJECT_MANAGER);
    }

    @Test
    void theDatabaseHoldsNeitherNumberAndListsShowThemMasked() {
        String phone = randomPhone();
        String idNumber = IdNumbers.withCheckCharacter("11010119850202" + "123");
        Map<String, Object> created = create(desk, "张三", phone, idNumber).getResponseBody();

        assertThat(created.get("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(created.get("idNumber")).isEqualTo("1101**********" + idNumber.substring(14));
        Map<String, Object> row = TenantContext.callAs(tenant.id(), () -> new TransactionTemplate(transactions)
                .execute(status -> jdbc.queryForMap(
                        "select * from owner_account where id = ?", UUID.fromString((String) created.get("id")))));
        assertThat(row.toString()).doesNotContain(phone).doesNotContain(idNumber);
        assertThat((String) row.get("phone_cipher")).startsWith("v1.");

        List<Map<String, Object>> listed = content(api.get("/api/v1/owners?size=200", desk));
        assertThat(listed).extracting(o -> o.get("id")).contains(created.get("id"));
        assertThat(listed.toString()).doesNotContain(phone).doesNotContain(idNumber);
    }

    @Test
    void staffFindAnOwnerByExactPhoneInAnyNotationButNotByPart() {
        String phone = randomPhone();
        String id = (String) create(desk, "李四", phone, null).getResponseBody().get("id");
        create(desk, "王五", randomPhone(), null);

        String dashed = "86-" + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        List<Map<String, Object>> found = content(api.get("/api/v1/owners?phone=" + dashed, desk));
        assertThat(found).extracting(o -> o.get("id")).containsExactly(id);

        var partial = api.get("/api/v1/owners?phone=" + phone.substring(0, 7), desk);
        assertThat(partial.getStatus().value()).isEqualTo(400);
        assertThat(content(api.get("/api/v1/owners?name=李", desk)))
                .extracting(o -> o.get("id"))
                .containsExactly(id);
    }

    @Test
    void aPhoneBelongsToOneLivingOwnerPerTenant() {
        String phone = randomPhone();
        assertThat(create(desk, "赵六", phone, null).getStatus().value()).isEqualTo(201);

        var again = create(desk, "赵六", phone, null);
        assertThat(again.getStatus().value()).isEqualTo(409);
        assertThat(again.getResponseBody().get("code")).isEqualTo("owner.phone-taken");
    }

    @Test
    void malformedNumbersAreRefusedWithTheFieldNamed() {
        var badPhone = create(desk, "钱七", "12345", null);
        assertThat(badPhone.getStatus().value()).isEqualTo(400);
        assertThat(badPhone.getResponseBody().toString()).contains("phone");

        var badId = create(desk, "钱七", randomPhone(), "110105194912310021");
        assertThat(badId.getStatus().value()).isEqualTo(400);
        assertThat(badId.getResponseBody().toString()).contains("idNumber").doesNotContain("110105194912310021");
    }

    @Test
    void revealingANumberIsForDeskAndAdminsOnlyAndIsAudited() {
        String phone = randomPhone();
        String id = (String) create(desk, "孙八", phone, null).getResponseBody().get("id");

        var revealed = api.post("/api/v1/owners/" + id + "/reveal", Map.of("field", "PHONE"), desk);
        assertThat(revealed.getStatus().value()).isEqualTo(200);
        assertThat(revealed.getResponseHeaders().getCacheControl()).contains("no-store");
        assertThat(revealed.getResponseBody().get("value")).isEqualTo(phone);

        assertThat(api.post("/api/v1/owners/" + id + "/reveal", Map.of("field", "PHONE"), projectManager)
                        .getStatus()
                        .value())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/owners/" + id + "/reveal", Map.of("field", "ID_NUMBER"), desk)
                        .getStatus()
                        .value())
                .isEqualTo(404);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            audit.flush(Duration.ofSeconds(2));
            var events = trail.find(
                            new AuditQuery(tenant.id(), null, "pii.revealed", id, null, null), PageRequest.of(0, 10))
                    .getContent();
            assertThat(events).hasSize(2);
            assertThat(events.toString()).doesNotContain(phone);
        });
    }

    @Test
    void otherRolesAndOtherTenantsCannotReachOwners() {
        String id = (String)
                create(desk, "周九", randomPhone(), null).getResponseBody().get("id");
        assertThat(api.get("/api/v1/owners/" + id, technician).getStatus().value())
                .isEqualTo(403);
        assertThat(create(technician, "吴十", randomPhone(), null).getStatus().value())
                .isEqualTo(403);

        TenantRef other =
                tenants.registerIfAbsent("own-" + UUID.randomUUID().toString().substring(0, 8), "Other owners");
        String otherDesk = tokenOf(other, "desk", StaffRole.FRONT_DESK);
        var foreign = api.get("/api/v1/owners/" + id, otherDesk);
        var missing = api.get("/api/v1/owners/" + UUID.randomUUID(), otherDesk);
        assertThat(foreign.getStatus().value()).isEqualTo(404);
        assertThat(foreign.getResponseBody().keySet())
                .isEqualTo(missing.getResponseBody().keySet());
        assertThat(api.post("/api/v1/owners/" + id + "/reveal", Map.of("field", "PHONE"), otherDesk)
                        .getStatus()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void changesKeepTheMaskAndDeletionFreesThePhone() {
        String phone = randomPhone();
        String id = (String) create(desk, "郑十一", phone, null).getResponseBody().get("id");
        String newPhone = randomPhone();

        var changed = api.patch("/api/v1/owners/" + id, Map.of("phone", newPhone, "category", "RESIDENT"), desk);
        assertThat(changed.getStatus().value()).isEqualTo(200);
        assertThat(changed.getResponseBody().get("phone"))
                .isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
        assertThat(changed.getResponseBody().get("category")).isEqualTo("RESIDENT");

        assertThat(api.delete("/api/v1/owners/" + id, desk).getStatus().value()).isEqualTo(204);
        assertThat(api.get("/api/v1/owners/" + id, desk).getStatus().value()).isEqualTo(404);
        assertThat(create(desk, "郑十一", newPhone, null).getStatus().value()).isEqualTo(201);
    }

    static String randomPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
    }

    private EntityExchangeResult<Api.Json> create(String token, String name, String phone, String idNumber) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("displayName", name, "phone", phone));
        if (idNumber != null) {
            body.put("idNumber", idNumber);
        }
        return api.post("/api/v1/owners", body, token);
    }

    private String tokenOf(String username, StaffRole role) {
        return tokenOf(tenant, username, role);
    }

    private String tokenOf(TenantRef in, String username, StaffRole role) {
        TenantContext.callAs(
                in.id(),
                () -> staff.openIfAbsent(
                        new NewStaffAccount(username, "Test " + username, StaffKind.STAFF, List.of(role), PASSWORD)));
        return (String) api.post(
                        "/api/v1/auth/login",
                        Map.of("tenant", in.code(), "username", username, "password", PASSWORD),
                        null)
                .getResponseBody()
                .get("accessToken");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> content(EntityExchangeResult<Api.Json> page) {
        assertThat(page.getStatus().value()).isEqualTo(200);
        return (List<Map<String, Object>>) page.getResponseBody().get("content");
    }
}
