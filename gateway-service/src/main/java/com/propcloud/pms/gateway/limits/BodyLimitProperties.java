package com.propcloud.pms.gateway.limits;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request body ceilings (architecture: JSON 1 MiB, multipart 10 MiB, imports 50 MiB). Enforced at
 * the edge so an oversized upload never ties up a service's memory or a connection to it.
 *
 * @param json every body that is not multipart: JSON, and whatever else a route accepts
 * @param multipart a multipart/form-data request as a whole (photos, attachments)
 * @param imports a multipart request to a path containing {@code /imports} (bulk spreadsheets)
 */
@Validated
@ConfigurationProperties("pms.gateway.limits")
record BodyLimitProperties(
        @NotNull DataSize json,
        @NotNull DataSize multipart,
        @NotNull DataSize imports) {}
