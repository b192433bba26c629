package com.propcloud.pms.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Five failures lock an account for 15 minutes, whatever the password afterwards; unknown accounts
 * lock alike; an address that fails too often is throttled. Each test logs in from its own address
 * (X-Forwarded-For, as the gateway forwards it) and in a fresh tenant.
 */
@UserServiceTest
class LoginLockoutIT {

    private static final String PASSWORD = "Lockout#Test2026";
    private static final String WRONG = "Wrong#Guess2026";
    private static final ParameterizedTypeReference<LinkedHashMap<String, Object>> JSON =
            new ParameterizedTypeReference<>() {};

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StaffAccounts staff;

    @Autowired
    LoginThrottle throttle;

    TenantRef tenant;
    String address;

    @BeforeEach
    void setUp() {
        tenant = tenants.registerIfAbsent("lock-" + UUID.randomUUID().toString().substring(0, 8), "Lockout test");
        for (String username : List.of("victim", "bystander")) {
            TenantContext.runAs(
                    tenant.id(),
                    () -> staff.openIfAbsent(new NewStaffAccount(
                            username, username, StaffKind.STAFF, List.of(StaffRole.FRONT_DESK), PASSWORD)));
        }
        address = randomAddress();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // 198.18.0.0/15, reserved for benchmarking: never a real client
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private EntityExchangeResult<LinkedHashMap<String, Object>> login(String from, String username, String password) {
        // what the gateway forwards: the client first, then the proxies it passed
        return client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", from + ", 172.16.0.2")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("tenant", tenant.code(), "username", username, "password", password))
                .exchange()
                .returnResult(JSON);
    }

    private List<Map<String, Object>> failFiveTimes(String username) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var result = login(address, username, WRONG);
            assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            answers.add(result.getResponseBody());
        }
        return answers;
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
        List<Map<String, Object>> failures = failFiveTimes("victim");

        var rightPassword = login(address, "victim", PASSWORD);

        assertThat(rightPassword.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rightPassword.getResponseBody())
                .containsEntry("code", "auth.invalid-credentials")
                .isEqualTo(failures.get(0));
        assertThat(login(randomAddress(), "victim", PASSWORD).getStatus())
                .as("the lock is the account's, not the address's")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(throttle.locked(tenant.code(), "VICTIM")).isTrue();
    }

    @Test
    void otherAccountsAreUnaffected() {
        failFiveTimes("victim");

        assertThat(login(address, "bystander", PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownUsernamesLockAndAnswerExactlyLikeKnownOnes() {
        List<Map<String, Object>> known = failFiveTimes("victim");
        List<Map<String, Object>> unknown = failFiveTimes("ghost-" + UUID.randomUUID());

        assertThat(unknown).isEqualTo(known);
        assertThat(throttle.locked(tenant.code(), "victim")).isTrue();
        assertThat(known.get(0)).containsEntry("code", "auth.invalid-credentials");
    }

    @Test
    void unknownUsernameIsLockedTheSameWay() {
        String ghost = "ghost-" + UUID.randomUUID();
        failFiveTimes(ghost);

        assertThat(throttle.locked(tenant.code(), ghost)).isTrue();
    }

    @Test
    void successResetsTheCount() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                login(address, "victim", WRONG);
            }
            assertThat(login(address, "victim", PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
        }
        assertThat(throttle.locked(tenant.code(), "victim")).isFalse();
    }

    @Test
    void anAddressThatFailsTooOftenIsThrottledWhateverItTries() {
        for (int i = 0; i < 20; i++) {
            assertThat(login(address, "nobody-" + i, WRONG).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        var throttled = login(address, "bystander", PASSWORD);

        assertThat(throttled.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(throttled.getResponseBody()).containsEntry("code", "too-many-requests");
        assertThat(Long.parseLong(throttled.getResponseHeaders().getFirst("Retry-After")))
                .isBetween(1L, 15 * 60L);
        assertThat(login(randomAddress(), "bystander", PASSWORD).getStatus())
                .as("another address is not throttled")
                .isEqualTo(HttpStatus.OK);
    }
}
