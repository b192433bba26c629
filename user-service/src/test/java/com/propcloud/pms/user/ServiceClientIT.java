package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.propcloud.pms.user.tenant.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The platform's services get service tokens by client credentials and, with them only, read every
 * tenant from the internal API that their read models bootstrap from.
 */
@UserServiceTest
class ServiceClientIT {

    static final String TOKEN = "/internal/oauth2/token";
    static final String TENANTS = "/internal/v1/tenants";
    static final String LOCAL_SECRET = "pms-service-local";

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory directory;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Nested
    class TokenEndpoint {

        @Test
        void issuesAServiceTokenOfThePlatformTenant() throws Exception {
            var result = token(basic("iot-service", LOCAL_SECRET), "grant_type=client_credentials");

            assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(result.getResponseHeaders().getCacheControl()).contains("no-store");
            Api.Json body = result.getResponseBody();
            assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
            JWTClaimsSet claims = SignedJWT.parse(body.string("access_token")).getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("pms");
            assertThat(claims.getStringClaim("kind")).isEqualTo("service");
            assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
            assertThat(claims.getStringClaim("tenant")).isEqualTo("platform");
            assertThat(claims.getStringClaim("tid"))
                    .isEqualTo(directory.platform().id().toString());
            assertThat(claims.getExpirationTime().getTime()
                            - claims.getIssueTime().getTime())
                    .isEqualTo(Duration.ofMinutes(15).toMillis());
            assertThat(UUID.fromString(claims.getSubject())).isNotNull();
        }

        @Test
        void subjectIsStablePerClientAndDiffersBetweenClients() throws Exception {
            String first = subject(token(basic("iot-service", LOCAL_SECRET), "grant_type=client_credentials"));
            String second = subject(token(basic("iot-service", LOCAL_SECRET), "grant_type=client_credentials"));
            String other = subject(token(basic("reporting-service", LOCAL_SECRET), "grant_type=client_credentials"));

            assertThat(first).isEqualTo(second).isNotEqualTo(other);
        }

        @Test
        void wrongSecretIsAnInvalidClient() {
            assertInvalidClient(token(basic("iot-service", "not-the-secret"), "grant_type=client_credentials"));
        }

        @Test
        void unknownClientIsAnInvalidClient() {
            assertInvalidClient(token(basic("stranger", LOCAL_SECRET), "grant_type=client_credentials"));
        }

        @Test
        void missingClientAuthenticationIsAnInvalidClient() {
            assertInvalidClient(token(null, "grant_type=client_credentials"));
        }

        @Test
        void credentialsInTheBodyAreNotAccepted() {
            assertInvalidClient(
                    token(null, "grant_type=client_credentials&client_id=iot-service&client_secret=" + LOCAL_SECRET));
        }

        @Test
        void otherGrantTypesAreRefused() {
            var result = token(basic("iot-service", LOCAL_SECRET), "grant_type=password&username=a&password=b");

            assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponseBody()).containsEntry("error", "unsupported_grant_type");
        }

        @Test
        void missingGrantTypeIsAnInvalidRequest() {
            var result = token(basic("iot-service", LOCAL_SECRET), "scope=tenants");

            assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponseBody()).containsEntry("error", "invalid_request");
        }

        @Test
        void aBearerTokenIsNoClientAuthentication() {
            String staff = api.loginDemoAdmin().string("accessToken");

            assertInvalidClient(token("Bearer " + staff, "grant_type=client_credentials"));
        }
    }

    @Nested
    class InternalTenantList {

        @Test
        void serviceTokenReadsEveryTenant() {
            var result = api.get(TENANTS, serviceToken());

            assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tenants =
                    (List<Map<String, Object>>) result.getResponseBody().get("tenants");
            assertThat(tenants).extracting(tenant -> tenant.get("code")).contains("platform", "demo");
            Map<String, Object> demo = tenants.stream()
                    .filter(tenant -> "demo".equals(tenant.get("code")))
                    .findFirst()
                    .orElseThrow();
            assertThat(demo)
                    .containsOnlyKeys(
                            "id", "code", "name", "status", "timeZone", "maxProjects", "maxUnits", "updatedAt")
                    .containsEntry(
                            "id",
                            directory.findByCode("demo").orElseThrow().id().toString())
                    .containsEntry("name", "Demo Property Co.")
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("timeZone", "Asia/Shanghai")
                    // the demo's plan is unlimited
                    .containsEntry("maxProjects", null)
                    .containsEntry("maxUnits", null);
        }

        @Test
        void staffTokenIsForbidden() {
            var result = api.get(TENANTS, api.loginDemoAdmin().string("accessToken"));

            assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(result.getResponseBody()).containsEntry("code", "auth.forbidden");
        }

        @Test
        void noTokenIsUnauthenticated() {
            var result = api.get(TENANTS, null);

            assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(result.getResponseBody()).containsEntry("code", "auth.unauthenticated");
        }

        @Test
        void basicCredentialsAloneAreNotEnough() {
            var result = client.get()
                    .uri(TENANTS)
                    .header("Authorization", basic("iot-service", LOCAL_SECRET))
                    .exchange()
                    .returnResult(Api.Json.class);

            assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    String serviceToken() {
        return token(basic("reporting-service", LOCAL_SECRET), "grant_type=client_credentials")
                .getResponseBody()
                .string("access_token");
    }

    EntityExchangeResult<Api.Json> token(String authorization, String form) {
        var request = client.post().uri(TOKEN);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(form)
                .exchange()
                .returnResult(Api.Json.class);
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String subject(EntityExchangeResult<Api.Json> result) throws Exception {
        return SignedJWT.parse(result.getResponseBody().string("access_token"))
                .getJWTClaimsSet()
                .getSubject();
    }

    static void assertInvalidClient(EntityExchangeResult<Api.Json> result) {
        assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(result.getResponseBody()).containsEntry("error", "invalid_client");
        assertThat(result.getResponseBody()).doesNotContainKey("access_token");
    }
}
