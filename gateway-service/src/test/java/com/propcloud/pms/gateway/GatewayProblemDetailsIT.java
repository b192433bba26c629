package com.propcloud.pms.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestJwks;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every error the gateway answers itself is RFC 9457 problem JSON with a stable code. */
class GatewayProblemDetailsIT extends GatewayTestSupport {

    private static final int ONE_MIB = 1024 * 1024;
    private static final String WORK_ORDERS = "/api/v1/work-orders";

    @Nested
    class Unauthenticated {

        @Test
        void rejectsRequestWithoutToken() {
            assertChallenge(
                    assertProblem(
                            client.get().uri(WORK_ORDERS).exchange(), HttpStatus.UNAUTHORIZED, "auth.unauthenticated"),
                    "Bearer");
        }

        @Test
        void rejectsGarbageToken() {
            assertChallenge(
                    assertProblem(
                            client.get()
                                    .uri(WORK_ORDERS)
                                    .headers(h -> h.setBearerAuth("not-a-jwt"))
                                    .exchange(),
                            HttpStatus.UNAUTHORIZED,
                            "auth.unauthenticated"),
                    "Bearer error=\"invalid_token\"");
        }

        @Test
        void rejectsTokenSignedByAnotherKey() {
            String forged = TestJwks.get().forgedToken().sign();
            assertChallenge(
                    assertProblem(
                            client.get()
                                    .uri(WORK_ORDERS)
                                    .headers(h -> h.setBearerAuth(forged))
                                    .exchange(),
                            HttpStatus.UNAUTHORIZED,
                            "auth.unauthenticated"),
                    "Bearer error=\"invalid_token\"");
        }

        @Test
        void rejectsExpiredToken() {
            String expired = TestJwks.get().token().expired().sign();
            assertChallenge(
                    assertProblem(
                            client.get()
                                    .uri(WORK_ORDERS)
                                    .headers(h -> h.setBearerAuth(expired))
                                    .exchange(),
                            HttpStatus.UNAUTHORIZED,
                            "auth.unauthenticated"),
                    "Bearer error=\"invalid_token\"");
        }

        @Test
        void rejectsTokenOfAnotherIssuer() {
            String foreign = TestJwks.get().token().issuer("someone-else").sign();
            assertProblem(
                    client.get()
                            .uri(WORK_ORDERS)
                            .headers(h -> h.setBearerAuth(foreign))
                            .exchange(),
                    HttpStatus.UNAUTHORIZED,
                    "auth.unauthenticated");
        }

        @Test
        void answersUnknownApiPathWith401RatherThan404() {
            assertProblem(client.get().uri("/api/v1/nope").exchange(), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
        }

        @Test
        void deniesPathsOutsideTheApi() {
            assertProblem(
                    client.get().uri("/internal/anything").exchange(), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
        }
    }

    @Test
    void forbidsPathsOutsideTheApiEvenWithAValidToken() {
        assertProblem(
                client.get()
                        .uri("/internal/anything")
                        .headers(h -> h.setBearerAuth(staffToken()))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "auth.forbidden");
    }

    @Test
    void answersUnknownApiPathWith404ForAValidToken() {
        EntityExchangeResult<Map<String, Object>> result = assertProblem(
                client.get()
                        .uri("/api/v1/nope")
                        .headers(h -> h.setBearerAuth(staffToken()))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not-found");
        assertThat(result.getResponseBody())
                .containsEntry("instance", "/api/v1/nope")
                .containsKeys("type", "title", "status", "detail");
    }

    @Test
    void answersWrongMethodOnGatewayEndpointWith405() {
        assertProblem(
                client.delete().uri("/actuator/health").exchange(),
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed");
    }

    @Nested
    class BodyLimits {

        @Test
        void refusesDeclaredJsonBodyOverOneMebibyte() {
            byte[] body = new byte[ONE_MIB + 1];
            Arrays.fill(body, (byte) ' ');
            assertProblem(
                    client.post()
                            .uri(WORK_ORDERS)
                            .headers(h -> h.setBearerAuth(staffToken()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(body)
                            .exchange(),
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large");
        }

        @Test
        void refusesChunkedJsonBodyOnceItPassesOneMebibyte() {
            assertProblem(
                    client.post()
                            .uri(WORK_ORDERS)
                            .headers(h -> h.setBearerAuth(staffToken()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(chunked(ONE_MIB + 1), DataBuffer.class)
                            .exchange(),
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large");
        }

        @Test
        void passesChunkedJsonBodyOfExactlyOneMebibyte() {
            String marker = marker();
            client.post()
                    .uri(WORK_ORDERS)
                    .headers(h -> h.setBearerAuth(staffToken()))
                    .header(StubDownstream.MARKER, marker)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(chunked(ONE_MIB), DataBuffer.class)
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(service("workorder").find(marker))
                    .hasValueSatisfying(r -> assertThat(r.bodyBytes()).isEqualTo(ONE_MIB));
        }

        @Test
        void allowsMultipartBodyOverTheJsonLimit() {
            String marker = marker();
            byte[] body = new byte[2 * ONE_MIB];
            client.post()
                    .uri(WORK_ORDERS + "/7/attachments")
                    .headers(h -> h.setBearerAuth(staffToken()))
                    .header(StubDownstream.MARKER, marker)
                    .contentType(MediaType.parseMediaType("multipart/form-data; boundary=x"))
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(service("workorder").find(marker)).isPresent();
        }
    }

    @Test
    void refusesPlainTextBodyWith415() {
        assertProblem(
                client.post()
                        .uri(WORK_ORDERS)
                        .headers(h -> h.setBearerAuth(staffToken()))
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("repair the door")
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");
    }

    @Test
    void letsPaymentCallbacksPostForms() {
        String marker = marker();
        client.post()
                .uri("/api/v1/payments/callbacks/wechat")
                .header(StubDownstream.MARKER, marker)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("out_trade_no=1&sign=abc")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(service("billing").find(marker)).isPresent();
    }

    @Test
    void relaysDownstreamProblemsUntouched() {
        client.post()
                .uri(WORK_ORDERS + "/42/assign")
                .headers(h -> h.setBearerAuth(staffToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .isEqualTo(DOWNSTREAM_PROBLEM);
    }

    private static Flux<DataBuffer> chunked(int totalBytes) {
        int chunk = 64 * 1024;
        return Flux.range(0, (totalBytes + chunk - 1) / chunk).map(i -> {
            int size = Math.min(chunk, totalBytes - i * chunk);
            byte[] bytes = new byte[size];
            Arrays.fill(bytes, (byte) ' ');
            return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
        });
    }

    private static void assertChallenge(EntityExchangeResult<?> result, String prefix) {
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith(prefix);
    }

    static EntityExchangeResult<Map<String, Object>> assertProblem(
            WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        EntityExchangeResult<Map<String, Object>> result = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        assertThat(result.getResponseBody()).containsEntry("code", code).containsEntry("status", status.value());
        return result;
    }
}
