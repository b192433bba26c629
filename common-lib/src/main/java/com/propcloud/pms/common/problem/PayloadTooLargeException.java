package com.propcloud.pms.common.problem;

import java.io.IOException;

/** A request body grew past its limit while being read (chunked bodies declare no length up front). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
