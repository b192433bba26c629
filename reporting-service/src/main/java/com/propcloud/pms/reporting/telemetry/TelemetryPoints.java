package com.propcloud.pms.reporting.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/reports/telemetry}: one device's readings, ordered by {@code ts}.
 *
 * @param points at most {@code limit} readings
 * @param truncated whether the range holds more readings than were returned
 * @param nextFrom where the rest starts (the {@code ts} of the first reading not returned): ask again
 *     with {@code from=nextFrom} and the same {@code to}; absent when nothing is left
 */
record TelemetryPoints(
        List<Point> points,
        boolean truncated,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextFrom) {

    /**
     * @param ts the reading's instant, ISO-8601 in UTC
     * @param metrics the device's metrics exactly as stored (a JSON object of numbers, never rounded
     *     through a double)
     */
    record Point(String ts, @JsonRawValue String metrics) {}
}
