package com.propcloud.pms.user.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.Api;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code GET /internal/v1/tenants/{tenantId}/owners} (the changes since a point, keyset-paged) and
 * {@code POST …/owners/lookup} (people by exact phone): service tokens only, one tenant's people only,
 * phones only masked.
 */
@UserServiceTest
class InternalOwnersIT {

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OwnerAccounts owners;

    @Autowired
    StaffAccounts staff;

    InternalCalls calls;
    TenantRef tenant;

    @BeforeEach
    void setUp() {
        calls = new InternalCalls(client, tenants, staff);
        tenant = calls.newTenant("Internal owners");
    }

    @Nested
    class Listing {

        @Test
        void listsEveryPersonOnceAcrossPagesOldestChangeFirstInTheEventsShape() {
            List<UUID> opened = open(tenant, 5);

            List<Map<String, Object>> listed = listAll(null, 2);

            assertThat(listed).extracting(InternalOwnersIT::ownerId).containsExactlyElementsOf(opened);
            assertThat(listed.get(0))
                    .containsOnlyKeys("ownerId", "displayName", "phoneMasked", "category", "status", "updatedAt")
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("category", "OWNER");
            assertThat((String) listed.get(0).get("phoneMasked")).matches("1\\d\\d\\*{4}\\d{4}");
        }

        @Test
        void theLastPageSaysThereIsNoNext() {
            open(tenant, 2);

            Api.Json page = list(tenant, null, null, 2).getResponseBody();

            assertThat(owners(page)).hasSize(2);
            assertThat(page.get("next")).isNull();
        }

        @Test
        void updatedSinceListsOnlyWhoChangedSinceAndAChangedPersonAgain() {
            List<UUID> opened = open(tenant, 3);
            List<Map<String, Object>> before = listAll(null, 10);
            String since = (String) before.get(2).get("updatedAt");

            rename(opened.get(0), "改过的名字");
            List<Map<String, Object>> changed = listAll(since, 10);

            // the third person (changed at since itself) and the renamed first one, now last
            assertThat(changed).extracting(InternalOwnersIT::ownerId).containsExactly(opened.get(2), opened.get(0));
            assertThat(changed.get(1)).containsEntry("displayName", "改过的名字");
        }

        @Test
        void pagingSkipsNobodyWhilePeopleChange() {
            List<UUID> opened = open(tenant, 4);
            Api.Json first = list(tenant, null, null, 2).getResponseBody();
            assertThat(owners(first))
                    .extracting(InternalOwnersIT::ownerId)
                    .containsExactly(opened.get(0), opened.get(1));

            // one already listed and one not yet listed change between the pages
            rename(opened.get(0), "第一位");
            rename(opened.get(2), "第三位");
            Map<String, Object> next = first.object("next");
            List<Map<String, Object>> rest = listAll((String) next.get("updatedSince"), (String) next.get("after"), 2);

            assertThat(rest)
                    .extracting(InternalOwnersIT::ownerId)
                    .containsExactly(opened.get(3), opened.get(0), opened.get(2));
            assertThat(rest.get(2)).containsEntry("displayName", "第三位");
        }

        @Test
        void aDeletedPersonIsListedWithTheirStatus() {
            UUID gone = open(tenant, 1).get(0);
            TenantContext.runAs(tenant.id(), () -> owners.changeStatus(gone, OwnerStatus.DELETED));

            assertThat(listAll(null, 10)).singleElement().satisfies(owner -> assertThat(owner)
                    .containsEntry("ownerId", gone.toString())
                    .containsEntry("status", "DELETED"));
        }

        @Test
        void anotherTenantsPeopleAreNeverListed() {
            UUID mine = open(tenant, 1).get(0);
            TenantRef other = calls.newTenant("Other listing");
            open(other, 2);

            assertThat(listAll(null, 10)).extracting(InternalOwnersIT::ownerId).containsExactly(mine);
        }

        @Test
        void aPersonsTokenIsForbidden() {
            var result = calls.api().get("/internal/v1/tenants/" + tenant.id() + "/owners", calls.staffToken(tenant));

            assertThat(result.getStatus().value()).isEqualTo(403);
            assertThat(result.getResponseBody().string("code")).isEqualTo("auth.forbidden");
        }

        @Test
        void anUnknownTenantOrThePlatformIsNotFound() {
            assertThat(calls.get("/internal/v1/tenants/" + UUID.randomUUID() + "/owners")
                            .getStatus()
                            .value())
                    .isEqualTo(404);
            UUID platform = tenants.findByCode(TenantDirectory.PLATFORM_CODE)
                    .orElseThrow()
                    .id();
            assertThat(calls.get("/internal/v1/tenants/" + platform + "/owners")
                            .getStatus()
                            .value())
                    .isEqualTo(404);
        }

        @Test
        void aPageOverAThousandOrAnAfterWithoutUpdatedSinceIsInvalid() {
            var tooLarge = list(tenant, null, null, 1001);
            var afterAlone = calls.get("/internal/v1/tenants/" + tenant.id() + "/owners?after=" + UUID.randomUUID());

            assertThat(tooLarge.getStatus().value()).isEqualTo(400);
            assertThat(tooLarge.getResponseBody().string("code")).isEqualTo("validation-failed");
            assertThat(afterAlone.getStatus().value()).isEqualTo(400);
            assertThat(afterAlone.getResponseBody().string("code")).isEqualTo("validation-failed");
        }
    }

    @Nested
    class Lookup {

        @Test
        void findsPeopleByPhoneAsTypedAndLeavesUnknownPhonesOut() {
            String phone = OwnersApiIT.randomPhone();
            UUID person = openWith(tenant, phone);
            String typed = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);

            var result = lookup(tenant, List.of(OwnersApiIT.randomPhone(), typed));

            assertThat(result.getStatus().value()).isEqualTo(200);
            assertThat(lookedUp(result))
                    .containsExactly(Map.of(
                            "index",
                            1,
                            "phone",
                            phone.substring(0, 3) + "****" + phone.substring(7),
                            "ownerId",
                            person.toString()));
            assertThat(String.valueOf(result.getResponseBody())).doesNotContain(phone);
        }

        @Test
        void anotherTenantsPersonIsNeverMatched() {
            String phone = OwnersApiIT.randomPhone();
            openWith(calls.newTenant("Other lookup"), phone);

            assertThat(lookedUp(lookup(tenant, List.of(phone)))).isEmpty();
        }

        @Test
        void aDeletedPersonIsNotMatched() {
            String phone = OwnersApiIT.randomPhone();
            UUID gone = openWith(tenant, phone);
            TenantContext.runAs(tenant.id(), () -> owners.changeStatus(gone, OwnerStatus.DELETED));

            assertThat(lookedUp(lookup(tenant, List.of(phone)))).isEmpty();
        }

        @Test
        void aMalformedPhoneIsInvalidWithoutRepeatingIt() {
            var result = lookup(tenant, List.of(OwnersApiIT.randomPhone(), "12345678"));

            assertThat(result.getStatus().value()).isEqualTo(400);
            assertThat(result.getResponseBody().string("code")).isEqualTo("validation-failed");
            assertThat(String.valueOf(result.getResponseBody()))
                    .contains("phones[1]")
                    .doesNotContain("12345678");
        }

        @Test
        void moreThanAHundredPhonesAreInvalid() {
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                phones.add(OwnersApiIT.randomPhone());
            }

            assertThat(lookup(tenant, phones).getStatus().value()).isEqualTo(400);
        }

        @Test
        void aPersonsTokenIsForbidden() {
            var result = calls.api()
                    .post(
                            "/internal/v1/tenants/" + tenant.id() + "/owners/lookup",
                            Map.of("phones", List.of(OwnersApiIT.randomPhone())),
                            calls.staffToken(tenant));

            assertThat(result.getStatus().value()).isEqualTo(403);
        }
    }

    /** {@code n} new people of the tenant, one after the other, so in the order they were opened. */
    private List<UUID> open(TenantRef in, int n) {
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            opened.add(openWith(in, OwnersApiIT.randomPhone()));
        }
        return opened;
    }

    private UUID openWith(TenantRef in, String phone) {
        return TenantContext.callAs(
                        in.id(), () -> owners.open(new OwnerAccounts.NewOwner("业主", OwnerCategory.OWNER, phone, null)))
                .id();
    }

    private void rename(UUID owner, String name) {
        TenantContext.runAs(
                tenant.id(), () -> owners.change(owner, new OwnerAccounts.Changes(name, null, null, null, false)));
    }

    private List<Map<String, Object>> listAll(String updatedSince, int size) {
        return listAll(updatedSince, null, size);
    }

    /** Follows {@code next} to the last page. */
    private List<Map<String, Object>> listAll(String updatedSince, String after, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        String since = updatedSince;
        String from = after;
        for (int pages = 0; pages < 100; pages++) {
            var result = list(tenant, since, from, size);
            assertThat(result.getStatus().value())
                    .as(String.valueOf(result.getResponseBody()))
                    .isEqualTo(200);
            all.addAll(owners(result.getResponseBody()));
            Map<String, Object> next = result.getResponseBody().object("next");
            if (next == null) {
                return all;
            }
            since = (String) next.get("updatedSince");
            from = (String) next.get("after");
        }
        throw new AssertionError("the listing never ended");
    }

    private EntityExchangeResult<Api.Json> list(TenantRef in, String updatedSince, String after, int size) {
        StringBuilder path = new StringBuilder("/internal/v1/tenants/" + in.id() + "/owners?size=" + size);
        if (updatedSince != null) {
            path.append("&updatedSince=").append(updatedSince);
        }
        if (after != null) {
            path.append("&after=").append(after);
        }
        return calls.get(path.toString());
    }

    private EntityExchangeResult<Api.Json> lookup(TenantRef in, List<String> phones) {
        Map<String, Object> body = new HashMap<>();
        body.put("phones", phones);
        return calls.post("/internal/v1/tenants/" + in.id() + "/owners/lookup", body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> owners(Api.Json page) {
        return (List<Map<String, Object>>) page.get("owners");
    }

    private static List<Map<String, Object>> lookedUp(EntityExchangeResult<Api.Json> result) {
        assertThat(result.getStatus().value())
                .as(String.valueOf(result.getResponseBody()))
                .isEqualTo(200);
        return owners(result.getResponseBody());
    }

    private static UUID ownerId(Map<String, Object> owner) {
        return UUID.fromString((String) owner.get("ownerId"));
    }
}
