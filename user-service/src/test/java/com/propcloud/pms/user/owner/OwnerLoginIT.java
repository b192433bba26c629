package com.propcloud.pms.user.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.Api;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.sms.SandboxSmsSender;
import com.propcloud.pms.user.sms.SmsMessage;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Owners log in by phone: with a password, or with an SMS code (the first time, when they have none);
 * reset a forgotten password by code; refresh and log out like staff. The sandbox SMS provider is the
 * handset the codes are read from.
 */
@UserServiceTest
class OwnerLoginIT {

    private static final String NEW_PASSWORD = "Owner#Pass2026";

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OwnerAccounts owners;

    @Autowired
    SandboxSmsSender sms;

    TenantRef tenant;
    String phone;
    UUID ownerId;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        tenant = tenants.registerIfAbsent("ol-" + UUID.randomUUID().toString().substring(0, 8), "Owner login test");
        phone = OwnersApiIT.randomPhone();
        ownerId = TenantContext.callAs(
                        tenant.id(),
                        () -> owners.open(new OwnerAccounts.NewOwner("测试业主", OwnerCategory.OWNER, phone, null)))
                .id();
    }

    @Test
    void aNewOwnerLogsInByCodeSetsAPasswordAndThenLogsInWithIt() throws Exception {
        assertThat(api.post("/api/v1/auth/sms-codes", Map.of("tenant", tenant.code(), "phone", phone), null)
                        .getStatus()
                        .value())
                .isEqualTo(202);
        String code = awaitCode();

        var login =
                api.post("/api/v1/auth/login", Map.of("tenant", tenant.code(), "phone", phone, "smsCode", code), null);
        assertThat(login.getStatus().value()).isEqualTo(200);
        String token = (String) login.getResponseBody().get("accessToken");
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(ownerId.toString());
        assertThat(claims.getStringClaim("kind")).isEqualTo("owner");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OWNER");
        assertThat(claims.getClaim("projects")).isNull();
        assertThat(claims.getBooleanClaim("must_change_password")).isTrue();

        // the code worked once
        assertThat(api.post(
                                "/api/v1/auth/login",
                                Map.of("tenant", tenant.code(), "phone", phone, "smsCode", code),
                                null)
                        .getStatus()
                        .value())
                .isEqualTo(401);

        var me = api.get("/api/v1/me", token).getResponseBody();
        assertThat(me.get("kind")).isEqualTo("owner");
        assertThat(me.get("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(me.get("mustChangePassword")).isEqualTo(true);

        assertThat(api.post("/api/v1/me/password", Map.of("newPassword", NEW_PASSWORD), token)
                        .getStatus()
                        .value())
                .isEqualTo(204);
        var withPassword = login(NEW_PASSWORD);
        assertThat(withPassword.getStatus().value()).isEqualTo(200);
        assertThat(SignedJWT.parse((String) withPassword.getResponseBody().get("accessToken"))
                        .getJWTClaimsSet()
                        .getClaim("must_change_password"))
                .isNull();
    }

    @Test
    void aWrongPasswordOrUnknownPhoneAnswersLikeAnyRefusedLogin() {
        var wrong = login("Wrong#Pass2026");
        var unknown = api.post(
                "/api/v1/auth/login",
                Map.of("tenant", tenant.code(), "phone", OwnersApiIT.randomPhone(), "password", "Wrong#Pass2026"),
                null);

        assertThat(wrong.getStatus().value()).isEqualTo(401);
        assertThat(unknown.getStatus().value()).isEqualTo(401);
        assertThat(wrong.getResponseBody().get("code"))
                .isEqualTo(unknown.getResponseBody().get("code"))
                .isEqualTo("auth.invalid-credentials");
    }

    @Test
    void aLoginMustSayWhoByUsernameOrPhoneAndHowByPasswordOrCode() {
        var both = api.post(
                "/api/v1/auth/login",
                Map.of("tenant", tenant.code(), "phone", phone, "password", "x", "smsCode", "123456"),
                null);
        var neither = api.post("/api/v1/auth/login", Map.of("tenant", tenant.code(), "password", "x"), null);

        assertThat(both.getStatus().value()).isEqualTo(400);
        assertThat(neither.getStatus().value()).isEqualTo(400);
    }

    @Test
    void aCodeRequestForAStrangersPhoneAnswersTheSameAndSendsNothing() {
        String stranger = OwnersApiIT.randomPhone();

        var answer = api.post("/api/v1/auth/sms-codes", Map.of("tenant", tenant.code(), "phone", stranger), null);

        assertThat(answer.getStatus().value()).isEqualTo(202);
        // a second request within the minute is throttled all the same: the limit never tells
        var again = api.post("/api/v1/auth/sms-codes", Map.of("tenant", tenant.code(), "phone", stranger), null);
        assertThat(again.getStatus().value()).isEqualTo(429);
        assertThat(again.getResponseHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(sms.messagesTo(stranger)).isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetByCodeAndOldSessionsEnd() {
        TenantContext.runAs(tenant.id(), () -> owners.resetPassword(ownerId, "First#Pass2026"));
        String refreshToken = (String) login("First#Pass2026").getResponseBody().get("refreshToken");

        assertThat(api.post("/api/v1/auth/password-resets", Map.of("tenant", tenant.code(), "phone", phone), null)
                        .getStatus()
                        .value())
                .isEqualTo(202);
        String code = awaitCode();

        var weak = api.post(
                "/api/v1/auth/password-resets/confirm",
                Map.of("tenant", tenant.code(), "phone", phone, "code", code, "newPassword", "short"),
                null);
        assertThat(weak.getStatus().value()).isEqualTo(400);
        var wrongCode = api.post(
                "/api/v1/auth/password-resets/confirm",
                Map.of(
                        "tenant",
                        tenant.code(),
                        "phone",
                        phone,
                        "code",
                        "000000".equals(code) ? "111111" : "000000",
                        "newPassword",
                        NEW_PASSWORD),
                null);
        assertThat(wrongCode.getStatus().value()).isEqualTo(400);
        assertThat(wrongCode.getResponseBody().get("code")).isEqualTo("auth.invalid-sms-code");

        var confirmed = api.post(
                "/api/v1/auth/password-resets/confirm",
                Map.of("tenant", tenant.code(), "phone", phone, "code", code, "newPassword", NEW_PASSWORD),
                null);
        assertThat(confirmed.getStatus().value()).isEqualTo(204);

        assertThat(login("First#Pass2026").getStatus().value()).isEqualTo(401);
        assertThat(login(NEW_PASSWORD).getStatus().value()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null)
                        .getStatus()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void anOwnerRefreshesAndLogoutEndsTheWholeSession() {
        TenantContext.runAs(tenant.id(), () -> owners.resetPassword(ownerId, NEW_PASSWORD));
        var first = login(NEW_PASSWORD).getResponseBody();
        var refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first.get("refreshToken")), null);
        assertThat(refreshed.getStatus().value()).isEqualTo(200);
        String access = (String) refreshed.getResponseBody().get("accessToken");
        String current = (String) refreshed.getResponseBody().get("refreshToken");

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", current), access)
                        .getStatus()
                        .value())
                .isEqualTo(204);

        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", current), null)
                        .getStatus()
                        .value())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", current), null)
                        .getStatus()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void anHqAdminsForcedResetEndsTheSessionsAndTheOwnerSignsInByCodeAgain() {
        TenantContext.runAs(tenant.id(), () -> owners.resetPassword(ownerId, NEW_PASSWORD));
        String refreshToken = (String) login(NEW_PASSWORD).getResponseBody().get("refreshToken");

        OwnerMember reset = TenantContext.callAs(tenant.id(), () -> owners.forcePasswordReset(ownerId));

        assertThat(reset.hasPassword()).isFalse();
        assertThat(login(NEW_PASSWORD).getStatus().value()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null)
                        .getStatus()
                        .value())
                .isEqualTo(401);
        api.post("/api/v1/auth/sms-codes", Map.of("tenant", tenant.code(), "phone", phone), null);
        String code = awaitCode();
        var byCode =
                api.post("/api/v1/auth/login", Map.of("tenant", tenant.code(), "phone", phone, "smsCode", code), null);
        assertThat(byCode.getStatus().value()).isEqualTo(200);
    }

    private String awaitCode() {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> sms.latestTo(phone).map(SmsMessage::parameters).map(p -> p.get("code")),
                        c -> c.isPresent())
                .orElseThrow();
    }

    private EntityExchangeResult<Api.Json> login(String password) {
        return api.post(
                "/api/v1/auth/login", Map.of("tenant", tenant.code(), "phone", phone, "password", password), null);
    }
}
