package com.propcloud.pms.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every error the gateway itself answers, with the stable {@code code} clients may switch on. The
 * codes are part of the public API: add new ones, never rename.
 */
public enum GatewayProblem {
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "auth.unauthenticated", "Unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "auth.forbidden", "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not Found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload Too Large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type"),
    /** A rate limit budget is spent; {@code Retry-After} says when to try again. */
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error"),
    DOWNSTREAM_BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "downstream-unavailable", "Bad Gateway"),
    DOWNSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable", "Service Unavailable"),
    DOWNSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout", "Gateway Timeout"),
    /** The key set that tokens are checked against could not be fetched: not the caller's fault. */
    AUTH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "auth.unavailable", "Service Unavailable");

    /** Where the problem types are documented; the code makes each one distinct. */
    private static final String TYPE_BASE = "urn:pms:problem:";

    private final HttpStatus status;
    private final String code;
    private final String title;

    GatewayProblem(HttpStatus status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_BASE + code);
    }

    /** The problem for a status the gateway did not name itself (e.g. a framework's 406). */
    public static GatewayProblem forStatus(int status) {
        for (GatewayProblem problem : values()) {
            if (problem.status.value() == status) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
