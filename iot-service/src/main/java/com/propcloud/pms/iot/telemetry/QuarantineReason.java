package com.propcloud.pms.iot.telemetry;

/** Why a device message was not stored as a reading: the {@code reason} column of {@code telemetry.quarantine}. */
enum QuarantineReason {
    /** The topic is not {@code <root>/{tenantCode}/{deviceId}/telemetry}. */
    INVALID_TOPIC("invalid-topic"),
    /** The topic's tenant code is not a tenant. */
    UNKNOWN_TENANT("unknown-tenant"),
    /** The device id is empty, too long or has characters outside {@code [A-Za-z0-9._:-]}. */
    INVALID_DEVICE_ID("invalid-device-id"),
    /** The payload is larger than {@code pms.iot.telemetry.max-payload-bytes}. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** The payload is not one UTF-8 JSON object. */
    MALFORMED_JSON("malformed-json"),
    /** {@code ts} is missing, not an ISO-8601 instant, or outside the accepted window. */
    INVALID_TS("invalid-ts"),
    /** {@code metrics} is missing, empty, not a flat object of numbers, or has a bad or repeated name. */
    INVALID_METRICS("invalid-metrics"),
    /** The database refused the row as data (not a transient failure). */
    STORE_REJECTED("store-rejected"),
    /** The message could not be processed for a reason of ours; the detail says which. */
    PROCESSING_FAILED("processing-failed");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
