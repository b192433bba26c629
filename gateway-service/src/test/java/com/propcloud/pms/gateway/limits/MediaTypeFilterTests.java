package com.propcloud.pms.gateway.limits;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MediaTypeFilterTests {

    private final MediaTypeFilter filter = new MediaTypeFilter(new MediaTypeProperties(List.of(
            MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/*+json"),
            MediaType.MULTIPART_FORM_DATA)));

    @Test
    void refusesPlainTextBody() {
        verifyRefused(MockServerHttpRequest.post("/api/v1/work-orders")
                .contentType(MediaType.TEXT_PLAIN)
                .body("fix it"));
    }

    @Test
    void refusesBodyWithoutContentType() {
        verifyRefused(
                MockServerHttpRequest.put("/api/v1/units/1").contentLength(3).body("abc"));
    }

    @Test
    void acceptsJsonWithCharsetAndJsonSuffixTypes() {
        verifyPassed(MockServerHttpRequest.post("/api/v1/work-orders")
                .contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
                .body("{}"));
        verifyPassed(MockServerHttpRequest.patch("/api/v1/work-orders/1")
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .body("{}"));
    }

    @Test
    void exemptsPaymentCallbacks() {
        verifyPassed(MockServerHttpRequest.post("/api/v1/payments/callbacks/alipay")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("a=1"));
    }

    @Test
    void ignoresBodilessRequests() {
        verifyPassed(MockServerHttpRequest.post("/api/v1/work-orders/1/close").contentLength(0));
    }

    private void verifyRefused(MockServerHttpRequest request) {
        StepVerifier.create(filter.filter(MockServerWebExchange.from(request), exchange -> Mono.empty()))
                .expectError(UnsupportedMediaTypeStatusException.class)
                .verify();
    }

    private void verifyPassed(MockServerHttpRequest.BaseBuilder<?> request) {
        StepVerifier.create(filter.filter(MockServerWebExchange.from(request), exchange -> Mono.empty()))
                .verifyComplete();
    }

    private void verifyPassed(MockServerHttpRequest request) {
        StepVerifier.create(filter.filter(MockServerWebExchange.from(request), exchange -> Mono.empty()))
                .verifyComplete();
    }
}
