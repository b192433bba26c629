package com.propcloud.pms.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BodyLimitFilterTests {

    private final BodyLimitFilter filter = new BodyLimitFilter(
            new BodyLimitProperties(DataSize.ofBytes(10), DataSize.ofBytes(100), DataSize.ofBytes(1000)));

    @Test
    void refusesDeclaredLengthOverTheJsonLimitWithoutReadingTheBody() {
        var request = MockServerHttpRequest.post("/api/v1/work-orders")
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(11)
                .body(Flux.never());

        StepVerifier.create(filter.filter(MockServerWebExchange.from(request), exchange -> Mono.empty()))
                .expectError(BodyTooLargeException.class)
                .verify();
    }

    @Test
    void givesMultipartTheMultipartLimit() {
        assertThat(readThrough("/api/v1/work-orders/1/attachments", MediaType.MULTIPART_FORM_DATA, 100))
                .isEqualTo(100);
    }

    @Test
    void givesImportsTheImportLimit() {
        assertThat(readThrough("/api/v1/units/imports", MediaType.MULTIPART_FORM_DATA, 1000))
                .isEqualTo(1000);
    }

    @Test
    void failsAStreamedBodyOnceItPassesTheLimit() {
        var request = MockServerHttpRequest.post("/api/v1/units/imports")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(chunks(1001));

        StepVerifier.create(filter.filter(MockServerWebExchange.from(request), BodyLimitFilterTests::drain))
                .expectError(BodyTooLargeException.class)
                .verify();
    }

    private long readThrough(String path, MediaType type, int bytes) {
        var request = MockServerHttpRequest.post(path).contentType(type).body(chunks(bytes));
        long[] total = new long[1];
        filter.filter(MockServerWebExchange.from(request), exchange -> exchange.getRequest()
                        .getBody()
                        .doOnNext(buffer -> {
                            total[0] += buffer.readableByteCount();
                            DataBufferUtils.release(buffer);
                        })
                        .then())
                .block();
        return total[0];
    }

    private static Mono<Void> drain(ServerWebExchange exchange) {
        return exchange.getRequest()
                .getBody()
                .doOnNext(DataBufferUtils::release)
                .then();
    }

    private static Flux<DataBuffer> chunks(int bytes) {
        // body without Content-Length, as a chunked upload arrives
        return Flux.range(0, bytes)
                .buffer(7)
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[part.size()]));
    }
}
