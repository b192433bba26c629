package com.propcloud.pms.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A request body over its ceiling; the error handler answers 413 with the reason as detail. */
final class BodyTooLargeException extends ResponseStatusException {

    BodyTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds the limit of " + describe(limit) + ".");
    }

    private static String describe(DataSize size) {
        long bytes = size.toBytes();
        return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MiB" : bytes + " bytes";
    }
}
