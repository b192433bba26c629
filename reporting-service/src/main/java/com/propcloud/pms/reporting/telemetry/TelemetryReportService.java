package com.propcloud.pms.reporting.telemetry;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads device readings from the reporting store's {@code telemetry} schema, which iot-service owns
 * and writes; reporting-service's application role may only read it. Queries run in a transaction
 * that carries the caller's tenant, so row-level security applies, and filter by tenant explicitly
 * as well.
 */
@Service
class TelemetryReportService {

    static final Duration MAX_RANGE = Duration.ofDays(31);
    static final int MAX_POINTS = 10_000;
    /** iot-service's device id rule: 1 to 128 of [A-Za-z0-9._:-], starting with a letter or digit. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final JdbcTemplate jdbc;

    TelemetryReportService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Readings with {@code from <= ts < to}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    TelemetryPoints points(String deviceId, Instant from, Instant to, int limit) {
        List<Row> rows = new ArrayList<>();
        jdbc.query(
                """
                select ts, metrics::text from telemetry.reading
                where tenant_id = ? and device_id = ? and ts >= ? and ts < ?
                order by ts
                limit ?
                """,
                rs -> {
                    rows.add(new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)));
                },
                TenantContext.require(),
                deviceId,
                utc(from),
                utc(to),
                limit + 1);
        boolean truncated = rows.size() > limit;
        List<TelemetryPoints.Point> points = rows.stream()
                .limit(limit)
                .map(row -> new TelemetryPoints.Point(iso(row.ts()), row.metrics()))
                .toList();
        return new TelemetryPoints(
                points, truncated, truncated ? iso(rows.get(limit).ts()) : null);
    }

    static String deviceId(@Nullable String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new InvalidParameterException("deviceId", "is required");
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new InvalidParameterException(
                    "deviceId", "must be 1 to 128 of [A-Za-z0-9._:-], starting with a letter or digit");
        }
        return deviceId;
    }

    static Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, "is required");
        }
        try {
            return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (RuntimeException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
    }

    static void range(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidParameterException("to", "a range covers at most " + MAX_RANGE.toDays() + " days");
        }
    }

    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return MAX_POINTS;
        }
        if (limit < 1 || limit > MAX_POINTS) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_POINTS);
        }
        return limit;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private record Row(Instant ts, String metrics) {}
}
