package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

@UserServiceTest
class LoginIT {

    @Autowired
    RestTestClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Nested
    class SuccessfulLogin {

        @Test
        void demoAdminLogsInAndSeesThemselvesAtMe() {
            Api.Json tokens = api.loginDemoAdmin();

            var me = api.get("/api/v1/me", tokens.string("accessToken"));

            assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(me.getResponseBody())
                    .containsEntry("tenantCode", "demo")
                    .containsEntry("username", "admin")
                    .containsEntry("displayName", "Demo HQ Admin")
                    .containsEntry("kind", "staff")
                    .containsEntry("roles", List.of("HQ_ADMIN"))
                    .containsKeys("userId", "tenantId");
        }

        @Test
        void answersABearerPairThatExpiresInFifteenMinutes() {
            Api.Json tokens = api.loginDemoAdmin();

            assertThat(tokens)
                    .containsEntry("tokenType", "Bearer")
                    .containsEntry("expiresIn", (int) Duration.ofMinutes(15).toSeconds())
                    .containsKeys("accessToken", "refreshToken");
        }

        @Test
        void accessTokenCarriesThePlatformClaims() throws Exception {
            var claims =
                    SignedJWT.parse(api.loginDemoAdmin().string("accessToken")).getJWTClaimsSet();

            assertThat(claims.getIssuer()).isEqualTo("pms");
            assertThat(claims.getStringClaim("tenant")).isEqualTo("demo");
            assertThat(claims.getStringClaim("kind")).isEqualTo("staff");
            assertThat(claims.getStringListClaim("roles")).containsExactly("HQ_ADMIN");
            assertThat(claims.getClaim("projects")).isNull();
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(claims.getExpirationTime().getTime()
                            - claims.getIssueTime().getTime())
                    .isEqualTo(Duration.ofMinutes(15).toMillis());
        }

        @Test
        void accessTokenVerifiesWithTheKeyItsKidNamesInTheJwks() throws Exception {
            SignedJWT token = SignedJWT.parse(api.loginDemoAdmin().string("accessToken"));
            JWKSet published = api.jwks();

            RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());

            assertThat(key).isNotNull();
            assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        }

        @Test
        void jwksPublishesNoPrivateKeyMaterial() throws Exception {
            JWKSet published = api.jwks();

            assertThat(published.getKeys()).isNotEmpty().noneMatch(key -> key.isPrivate());
        }

        @Test
        void jwksMayBeCachedBriefly() {
            var jwks = api.get("/api/v1/auth/jwks", null);

            assertThat(jwks.getResponseHeaders().getCacheControl()).contains("max-age=300");
        }

        @Test
        void platformOperatorLogsInToThePlatformTenant() throws Exception {
            var result = api.login("platform", "operator", Api.DEMO_PASSWORD);

            var claims = SignedJWT.parse(result.getResponseBody().string("accessToken"))
                    .getJWTClaimsSet();
            assertThat(claims.getStringClaim("kind")).isEqualTo("operator");
            assertThat(claims.getStringListClaim("roles")).containsExactly("PLATFORM_OPERATOR");
        }

        @Test
        void tokensAreNotCached() {
            var result = api.login("demo", "admin", Api.DEMO_PASSWORD);

            assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        }
    }

    @Nested
    class RefusedLogin {

        @Test
        void wrongPasswordUnknownUserAndUnknownTenantAnswerIdentically() {
            var wrongPassword = api.login("demo", "admin", "not-the-password");
            var unknownUser = api.login("demo", "nobody", Api.DEMO_PASSWORD);
            var unknownTenant = api.login("no-such-tenant", "admin", Api.DEMO_PASSWORD);

            assertThat(List.of(wrongPassword, unknownUser, unknownTenant))
                    .allSatisfy(result -> assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED));
            assertThat(wrongPassword.getResponseBody())
                    .containsEntry("code", "auth.invalid-credentials")
                    .isEqualTo(unknownUser.getResponseBody())
                    .isEqualTo(unknownTenant.getResponseBody());
        }

        @Test
        void passwordOfAnotherTenantsUserDoesNotOpenThisTenant() {
            var result = api.login("demo", "operator", Api.DEMO_PASSWORD);

            assertThat(result.getResponseBody()).containsEntry("code", "auth.invalid-credentials");
        }

        @Test
        void missingFieldsAreValidationErrorsNamingTheFields() {
            var result = api.post("/api/v1/auth/login", Map.of("tenant", "demo"));

            assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponseBody()).containsEntry("code", "validation-failed");
            List<Object> fields = ((List<?>) result.getResponseBody().get("errors"))
                    .stream()
                            .map(error -> (Object) ((Map<?, ?>) error).get("field"))
                            .toList();
            assertThat(fields).containsExactlyInAnyOrder("username", "password");
        }
    }

    @Nested
    class Refresh {

        @Test
        void refreshTokenBuysANewPairThatWorks() {
            Api.Json first = api.loginDemoAdmin();

            var refreshed = api.refresh(first.get("refreshToken"));

            assertThat(refreshed.getStatus()).isEqualTo(HttpStatus.OK);
            var me = api.get("/api/v1/me", refreshed.getResponseBody().string("accessToken"));
            assertThat(me.getResponseBody()).containsEntry("username", "admin");
        }

        @Test
        void refreshTokenWorksOnlyOnce() {
            Object refreshToken = api.loginDemoAdmin().get("refreshToken");
            api.refresh(refreshToken);

            var second = api.refresh(refreshToken);

            assertThat(second.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(second.getResponseBody()).containsEntry("code", "auth.invalid-refresh-token");
        }

        @Test
        void reusingARefreshTokenRevokesItsSuccessorsToo() {
            Object original = api.loginDemoAdmin().get("refreshToken");
            Object successor = api.refresh(original).getResponseBody().get("refreshToken");
            api.refresh(original);

            var afterReuse = api.refresh(successor);

            assertThat(afterReuse.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(afterReuse.getResponseBody()).containsEntry("code", "auth.invalid-refresh-token");
        }

        @Test
        void reuseLeavesOtherLoginsAlone() {
            Object mine = api.loginDemoAdmin().get("refreshToken");
            Object otherDevice = api.loginDemoAdmin().get("refreshToken");
            api.refresh(mine);
            api.refresh(mine);

            assertThat(api.refresh(otherDevice).getStatus()).isEqualTo(HttpStatus.OK);
        }

        @Test
        void refreshIgnoresAStaleAuthorizationHeaderSentAlong() {
            Object refreshToken = api.loginDemoAdmin().get("refreshToken");

            var result = api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), "expired.or.garbage");

            assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        }

        @Test
        void concurrentRefreshesOfOneTokenSucceedOnlyOnce() throws Exception {
            Object refreshToken = api.loginDemoAdmin().get("refreshToken");

            List<EntityExchangeResult<Api.Json>> results = refreshConcurrently(refreshToken, 4);

            assertThat(results)
                    .filteredOn(result -> result.getStatus() == HttpStatus.OK)
                    .hasSize(1);
        }

        @Test
        void concurrentReplayAlsoRevokesTheWinnersSuccessor() throws Exception {
            Object refreshToken = api.loginDemoAdmin().get("refreshToken");
            Object successor = refreshConcurrently(refreshToken, 4).stream()
                    .filter(result -> result.getStatus() == HttpStatus.OK)
                    .findFirst()
                    .orElseThrow()
                    .getResponseBody()
                    .get("refreshToken");

            assertThat(api.refresh(successor).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        private List<EntityExchangeResult<Api.Json>> refreshConcurrently(Object refreshToken, int parallel)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<EntityExchangeResult<Api.Json>>> calls = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return api.refresh(refreshToken);
                    }));
                }
                start.countDown();
                List<EntityExchangeResult<Api.Json>> results = new ArrayList<>();
                for (var call : calls) {
                    results.add(call.get(30, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void unknownRefreshTokenIsRefusedLikeAReusedOne() {
            var result = api.refresh("bm90LWEtcmVhbC10b2tlbi1qdXN0LWJ5dGVzLWhlcmU");

            assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(result.getResponseBody()).containsEntry("code", "auth.invalid-refresh-token");
        }
    }
}
