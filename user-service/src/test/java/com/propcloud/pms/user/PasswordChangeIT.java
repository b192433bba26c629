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

/** {@code POST /api/v1/me/password} and the must-change flag, in a fresh tenant. */
@UserServiceTest
class PasswordChangeIT {

    static final String PASSWORD = "/api/v1/me/password";

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StaffAccounts staff;

    Api api;
    TenantRef tenant;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        tenant = TestTenants.register(tenants, "pwd");
        TestTenants.open(staff, tenant, "boss", StaffRole.HQ_ADMIN);
        admin = api.accessToken(tenant.code(), "boss", TestTenants.PASSWORD);
    }

    @Test
    void oneTimePasswordIsFlaggedUntilChangedAndOldSessionsEnd() {
        String oneTime = api.post(
                        "/api/v1/staff",
                        Map.of("username", "newbie", "displayName", "New Bie", "roles", List.of("FRONT_DESK")),
                        admin)
                .getResponseBody()
                .string("oneTimePassword");
        Api.Json tokens = api.login(tenant.code(), "newbie", oneTime).getResponseBody();
        String access = tokens.string("accessToken");
        assertThat(api.get("/api/v1/me", access).getResponseBody()).containsEntry("mustChangePassword", true);

        var changed = api.post(PASSWORD, Map.of("currentPassword", oneTime, "newPassword", "Brand#New2026"), access);

        assertThat(changed.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get("/api/v1/me", access).getResponseBody()).containsEntry("mustChangePassword", false);
        assertThat(api.refresh(tokens.get("refreshToken")).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(tenant.code(), "newbie", oneTime).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var fresh = api.login(tenant.code(), "newbie", "Brand#New2026");
        assertThat(fresh.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(api.refresh(fresh.getResponseBody().get("refreshToken")).getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongCurrentPasswordIsRefused() {
        var result = api.post(PASSWORD, Map.of("currentPassword", "not-it", "newPassword", "Brand#New2026"), admin);

        assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponseBody()).containsEntry("code", "auth.wrong-current-password");
    }

    @Test
    void policyViolationsNameTheNewPassword() {
        var tooSimple = api.post(
                PASSWORD, Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", "alllowercase"), admin);
        var withUsername = api.post(
                PASSWORD, Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", "Big#Boss2026"), admin);
        var unchanged = api.post(
                PASSWORD, Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", TestTenants.PASSWORD), admin);
        var missing = api.post(PASSWORD, Map.of(), admin);
        // staff always need the current password (only an owner without one may leave it out)
        var withoutCurrent = api.post(PASSWORD, Map.of("newPassword", "Big#Boss2027x"), admin);

        assertThat(List.of(tooSimple, withUsername, unchanged)).allSatisfy(result -> {
            assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(Api.errorFields(result.getResponseBody())).containsExactly("newPassword");
        });
        assertThat(Api.errorFields(missing.getResponseBody())).containsExactly("newPassword");
        assertThat(withoutCurrent.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.errorFields(withoutCurrent.getResponseBody())).containsExactly("currentPassword");
        assertThat(api.login(tenant.code(), "boss", TestTenants.PASSWORD).getStatus())
                .isEqualTo(HttpStatus.OK);
    }
}
