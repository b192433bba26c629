package com.propcloud.pms.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps request bodies. A declared Content-Length over the limit is refused before a byte is read; a
 * chunked body is counted as it streams through, and the stream fails the moment it passes the
 * limit, so the gateway never buffers more than one chunk of it.
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

    /** After Spring Security (-100): strangers get 401, not a hint about our limits. */
    static final int ORDER = 10;

    private final BodyLimitProperties limits;

    BodyLimitFilter(BodyLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Mono.error(new BodyTooLargeException(limit));
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return countingBody(super.getBody(), limit);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private DataSize limitFor(ServerHttpRequest request) {
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
            return request.getPath().value().contains("/imports") ? limits.imports() : limits.multipart();
        }
        return limits.json();
    }

    private static Flux<DataBuffer> countingBody(Flux<DataBuffer> body, DataSize limit) {
        long max = limit.toBytes();
        // a fresh counter per subscription: the body of a retried request is counted anew
        return Flux.defer(() -> {
            AtomicLong seen = new AtomicLong();
            return body.handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > max) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
