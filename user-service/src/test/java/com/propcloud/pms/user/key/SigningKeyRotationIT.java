package com.propcloud.pms.user.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.AuditQuery;
import com.propcloud.pms.common.audit.AuditTrail;
import com.propcloud.pms.user.UserServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Keys rotate without logging anybody out: the JWKS serves the new and the previous key, tokens the
 * previous one signed stay valid until the grace has passed, then it is retired and disappears. The
 * private parts are stored only encrypted.
 */
@UserServiceTest
class SigningKeyRotationIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final String DEMO_PASSWORD = "Demo#2026";

    @Autowired
    RestTestClient client;

    @Autowired
    SigningKeys keys;

    @Autowired
    SigningKeyProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Test
    void afterARotationTheJwksServesBothKeysAndOldTokensStayValid() throws Exception {
        String oldToken = token("demo", "admin");
        String oldKid = kid(oldToken);

        String newKid = keys.rotateNow();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(jwks().getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);
        assertThat(me(oldToken).getStatus()).isEqualTo(HttpStatus.OK);
        String newToken = token("demo", "admin");
        assertThat(kid(newToken)).isEqualTo(newKid);
        assertThat(me(newToken).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPreviousKeyIsRetiredOnceEveryTokenItSignedHasExpired() {
        String oldKid = keys.activeKey().getKeyID();
        String newKid = keys.rotateNow();

        keys.maintain(Instant.now().plus(properties.retirementGrace()).minusSeconds(60));
        assertThat(jwks().getKeyByKeyId(oldKid)).as("still within its grace").isNotNull();
        keys.maintain(Instant.now().plus(properties.retirementGrace()).plusSeconds(1));

        assertThat(jwks().getKeyByKeyId(oldKid)).isNull();
        assertThat(jwks().getKeyByKeyId(newKid)).isNotNull();
        assertThat(status(oldKid)).isEqualTo("RETIRED");
    }

    @Test
    void aDueRotationHappensOnTheNextCheck() {
        String before = keys.activeKey().getKeyID();

        keys.maintain(Instant.now().plus(properties.signingKeyRotation()).plusSeconds(1));

        assertThat(keys.activeKey().getKeyID()).isNotEqualTo(before);
        assertThat(status(before)).isEqualTo("PREVIOUS");
    }

    @Test
    void privateKeysAreStoredOnlyEncrypted() {
        List<String> stored = jdbc.queryForList("select private_key from signing_key", String.class);

        assertThat(stored).isNotEmpty().allSatisfy(value -> assertThat(value).startsWith("v1."));
    }

    @Test
    void theDatabaseRefusesAPlainTextPrivateKey() {
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(
                        () -> jdbc.update("insert into signing_key (kid, private_key, public_jwk, created_at, status)"
                                + " values ('plain-test', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAAS', '{}', now(), 'RETIRED')"));
    }

    @Test
    void operatorsRotateThroughTheApiAndTheRotationIsAudited() {
        String operator = token("platform", "operator");

        EntityExchangeResult<Map<String, Object>> rotated = rotate(operator);

        assertThat(rotated.getStatus()).isEqualTo(HttpStatus.OK);
        String kid = (String) rotated.getResponseBody().get("kid");
        assertThat(keys.activeKey().getKeyID()).isEqualTo(kid);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            audit.flush(Duration.ofSeconds(2));
            List<AuditEvent> events = trail.find(
                            new AuditQuery(null, null, SigningKeys.ROTATED, kid, null, null), PageRequest.of(0, 5))
                    .getContent();
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.actor()).isNotNull();
                assertThat(event.details()).containsEntry("trigger", "manual");
            });
        });
    }

    @Test
    void staffCannotRotateKeys() {
        assertThat(rotate(token("demo", "admin")).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String status(String kid) {
        return jdbc.queryForObject("select status from signing_key where kid = ?", String.class, kid);
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private String token(String tenant, String username) {
        Map<String, Object> body = client.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenant", tenant, "username", username, "password", DEMO_PASSWORD))
                .exchange()
                .returnResult(JSON)
                .getResponseBody();
        return (String) body.get("accessToken");
    }

    private EntityExchangeResult<Map<String, Object>> me(String token) {
        return client.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .returnResult(JSON);
    }

    private EntityExchangeResult<Map<String, Object>> rotate(String token) {
        return client.post()
                .uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .returnResult(JSON);
    }

    private JWKSet jwks() {
        try {
            return JWKSet.parse(client.get()
                    .uri("/api/v1/auth/jwks")
                    .exchange()
                    .returnResult(String.class)
                    .getResponseBody());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
