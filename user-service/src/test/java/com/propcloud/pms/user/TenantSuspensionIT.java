package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Operators suspend and reactivate tenants; a suspended tenant's people lose their access. */
@UserServiceTest
class TenantSuspensionIT {

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StaffAccounts staff;

    Api api;
    TenantRef tenant;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        tenant = TestTenants.register(tenants, "susp");
        TestTenants.open(staff, tenant, "boss", StaffRole.HQ_ADMIN);
        operator = api.accessToken("platform", "operator", Api.DEMO_PASSWORD);
    }

    private String path(String action) {
        return "/api/v1/tenants/" + tenant.id() + "/" + action;
    }

    @Test
    void suspendedTenantsCannotLogInAndTheirRefreshTokensAreRefused() {
        Object refresh = api.login(tenant.code(), "boss", TestTenants.PASSWORD)
                .getResponseBody()
                .get("refreshToken");
        var wrongPassword = api.login(tenant.code(), "boss", "Wrong#Password1");

        var suspended = api.post(path("suspend"), Map.of(), operator);

        assertThat(suspended.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(suspended.getResponseBody())
                .containsEntry("code", tenant.code())
                .containsEntry("status", "SUSPENDED");
        var login = api.login(tenant.code(), "boss", TestTenants.PASSWORD);
        assertThat(login.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(login.getResponseBody()).isEqualTo(wrongPassword.getResponseBody());
        var refreshed = api.refresh(refresh);
        assertThat(refreshed.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refreshed.getResponseBody()).containsEntry("code", "auth.invalid-refresh-token");
    }

    @Test
    void reactivationRestoresLogins() {
        api.post(path("suspend"), Map.of(), operator);

        var reactivated = api.post(path("reactivate"), Map.of(), operator);

        assertThat(reactivated.getResponseBody()).containsEntry("status", "ACTIVE");
        assertThat(api.login(tenant.code(), "boss", TestTenants.PASSWORD).getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void operatorsListTenantsInThePageShape() {
        var page = api.get("/api/v1/tenants?size=200", operator);

        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page.getResponseBody()).containsOnlyKeys("content", "page", "size", "totalElements", "totalPages");
        List<Object> codes = ((List<?>) page.getResponseBody().get("content"))
                .stream().map(row -> (Object) ((Map<?, ?>) row).get("code")).toList();
        assertThat(codes).contains("platform", "demo", "acme");
    }

    @Test
    void onlyOperatorsManageTenants() {
        String demoAdmin = api.loginDemoAdmin().string("accessToken");

        assertThat(List.of(
                        api.get("/api/v1/tenants", demoAdmin),
                        api.post(path("suspend"), Map.of(), demoAdmin),
                        api.post(path("reactivate"), Map.of(), demoAdmin)))
                .allSatisfy(result -> {
                    assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(result.getResponseBody()).containsEntry("code", "auth.forbidden");
                });
        assertThat(api.login(tenant.code(), "boss", TestTenants.PASSWORD).getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void thePlatformTenantCannotBeSuspended() {
        TenantRef platform = tenants.platform();

        var result = api.post("/api/v1/tenants/" + platform.id() + "/suspend", Map.of(), operator);

        assertThat(result.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(result.getResponseBody()).containsEntry("code", "tenant.platform-immutable");
    }

    @Test
    void unknownTenantIs404() {
        var result = api.post("/api/v1/tenants/" + java.util.UUID.randomUUID() + "/suspend", Map.of(), operator);

        assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
