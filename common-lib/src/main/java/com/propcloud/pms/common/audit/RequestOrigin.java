package com.propcloud.pms.common.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a request came from, for the audit trail: the client IP and the {@code User-Agent}.
 *
 * <p>Services are reached only through the gateway, which appends the client's address to {@code
 * X-Forwarded-For} (and trusts an incoming one only from loopback and private proxies). So the client
 * is the <em>first</em> hop of {@code X-Forwarded-For} when the header is present. With the platform's
 * {@code server.forward-headers-strategy: framework}, Spring's {@code ForwardedHeaderFilter} has
 * usually already consumed the header and made that first hop the request's remote address, which is
 * the fallback here. A service exposed directly to clients would have to drop this assumption.
 */
public record RequestOrigin(@Nullable String ip, @Nullable String userAgent) {

    public static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);

    /** The origin of the HTTP request bound to this thread, or {@link #UNKNOWN} outside a request. */
    public static RequestOrigin current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest())
                : UNKNOWN;
    }

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(clientIp(request), blankToNull(request.getHeader("User-Agent")));
    }

    private static @Nullable String clientIp(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        return blankToNull(request.getRemoteAddr());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
