package com.propcloud.pms.reporting.telemetry;

import com.propcloud.pms.common.security.CurrentUser;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One device's telemetry for charts and exports, for staff of the device's tenant.
 *
 * <p>{@code GET /api/v1/reports/telemetry?deviceId=meter-1&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z}:
 * {@code from} and {@code to} are ISO-8601 instants (an offset other than {@code Z} is allowed; encode
 * {@code +} as {@code %2B}), {@code from} inclusive and {@code to} exclusive, at most 31 days apart.
 * All three are required. At most {@code limit} points (default and maximum 10,000) are returned;
 * beyond that the answer says {@code "truncated":true} and gives {@code nextFrom} to continue from.
 */
@RestController
@PreAuthorize("hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','TECHNICIAN','FINANCE','SECURITY')")
class TelemetryReportController {

    private final TelemetryReportService reports;

    TelemetryReportController(TelemetryReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/telemetry")
    TelemetryPoints telemetry(
            @RequestParam(required = false) @Nullable String deviceId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String limit) {
        if (!CurrentUser.current()
                .map(user -> CurrentUser.STAFF.equals(user.kind()))
                .orElse(false)) {
            throw new AccessDeniedException("Telemetry reports are for staff");
        }
        String device = TelemetryReportService.deviceId(deviceId);
        Instant start = TelemetryReportService.instant("from", from);
        Instant end = TelemetryReportService.instant("to", to);
        TelemetryReportService.range(start, end);
        return reports.points(device, start, end, TelemetryReportService.limit(parseLimit(limit)));
    }

    private static @Nullable Integer parseLimit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
