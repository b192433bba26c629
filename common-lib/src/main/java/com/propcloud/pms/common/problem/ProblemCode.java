package com.propcloud.pms.common.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Stable codes for the errors every service shares. Clients branch on {@code code}, never on
 * {@code title} or {@code detail}; business errors add their own dotted codes such as
 * {@code work-order.illegal-transition}.
 */
public final class ProblemCode {

    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String UNAUTHENTICATED = "auth.unauthenticated";
    public static final String FORBIDDEN = "auth.forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String CONFLICT = "conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";

    private static final String TYPE_PREFIX = "urn:pms:problem:";

    private ProblemCode() {}

    /** The problem {@code type} URI for a code: stable, and the same in every service and the gateway. */
    public static java.net.URI type(String code) {
        return java.net.URI.create(TYPE_PREFIX + code);
    }

    /** The shared code for an HTTP status that carries no more specific one. */
    public static String forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? INTERNAL_ERROR : MALFORMED_REQUEST;
        }
        return switch (known) {
            case BAD_REQUEST -> MALFORMED_REQUEST;
            case UNAUTHORIZED -> UNAUTHENTICATED;
            case FORBIDDEN -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
            case CONFLICT -> CONFLICT;
            case CONTENT_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
            default -> known.is5xxServerError() ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
