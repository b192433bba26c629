package com.propcloud.pms.reporting.telemetry;

import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.CurrentUser;
import com.propcloud.pms.common.security.DataScope;
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
 *
 * <p>Data scope: readings carry a device id but no project, and no service records yet which project
 * a device belongs to, so only tenant-wide staff (HQ) can be shown to have a device in scope. Every
 * other role gets 404 for every device, existing or not, which fails closed and reveals nothing;
 * project-scoped readers follow once devices carry their project.
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
        if (!DataScope.current().tenantWide()) {
            throw new NotFoundException("Device", device);
        }
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
