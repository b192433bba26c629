package com.propcloud.pms.iot.telemetry;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code telemetry.reading}'s monthly partitions ready: the previous month (late readings), the
 * current one and {@code partition-months-ahead} more, at start and every {@code
 * partition-check-interval}. The work is the migration's {@code ensure_reading_partitions}, which is
 * idempotent, serialised between instances, and moves any rows the default partition caught for a
 * new month into it; a failure is logged and tried again next time (the default partition keeps
 * every reading meanwhile).
 */
@Component
class ReadingPartitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadingPartitions.class);

    private final JdbcTemplate telemetry;
    private final TelemetryProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService scheduler;

    ReadingPartitions(@Qualifier("telemetryJdbc") JdbcTemplate telemetry, TelemetryProperties properties, Clock clock) {
        this.telemetry = telemetry;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates the missing monthly partitions of {@code months} months from {@code first}; returns how many. */
    int ensure(YearMonth first, int months) {
        Integer created = telemetry.queryForObject(
                "select ensure_reading_partitions(?, ?)", Integer.class, first.atDay(1), months);
        return created == null ? 0 : created;
    }

    void ensureAhead() {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        try {
            int created = ensure(current.minusMonths(1), properties.partitionMonthsAhead() + 2);
            if (created > 0) {
                log.info("Created {} monthly partitions of telemetry.reading", created);
            }
        } catch (RuntimeException e) {
            log.warn("Creating telemetry.reading partitions failed, retrying later: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telemetry-partitions");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.partitionCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::ensureAhead, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
