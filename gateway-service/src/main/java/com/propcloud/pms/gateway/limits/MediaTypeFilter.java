package com.propcloud.pms.gateway.limits;

import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Refuses API bodies of a content type no service reads (415), so services only ever parse JSON or
 * multipart. Payment providers' callbacks are exempt: they post forms or XML, and billing-service
 * verifies them by signature.
 */
@Component
class MediaTypeFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> METHODS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    private static final PathPattern PAYMENT_CALLBACKS =
            PathPatternParser.defaultInstance.parse("/api/v1/payments/callbacks/**");

    private final List<MediaType> accepted;

    MediaTypeFilter(MediaTypeProperties properties) {
        this.accepted = List.copyOf(properties.acceptedMediaTypes());
    }

    @Override
    public int getOrder() {
        // before the size check: no point counting bytes of a body we refuse anyway
        return BodyLimitFilter.ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!needsCheck(request)) {
            return chain.filter(exchange);
        }
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType != null && accepted.stream().anyMatch(type -> type.includes(contentType))) {
            return chain.filter(exchange);
        }
        return Mono.error(new UnsupportedMediaTypeStatusException(contentType, accepted, request.getMethod()));
    }

    private static boolean needsCheck(ServerHttpRequest request) {
        if (!METHODS_WITH_BODY.contains(request.getMethod()) || !hasBody(request.getHeaders())) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        return API.matches(path) && !PAYMENT_CALLBACKS.matches(path);
    }

    private static boolean hasBody(HttpHeaders headers) {
        long length = headers.getContentLength();
        // HTTP/2 may send a body with neither header; a declared Content-Type then means one is coming
        return length > 0
                || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)
                || (length < 0 && headers.getContentType() != null);
    }
}
