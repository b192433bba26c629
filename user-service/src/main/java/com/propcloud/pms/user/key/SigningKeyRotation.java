package com.propcloud.pms.user.key;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The timer behind key rotation: every {@code pms.auth.signing-key-check-interval} each instance
 * rotates or retires keys if due (one instance at a time, under the advisory lock) and reloads them.
 * A failed round (the database away, say) is logged and simply tried again at the next one; the
 * keys in memory go on working meanwhile.
 */
@Component
class SigningKeyRotation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeys keys;
    private final SigningKeyProperties properties;
    private @Nullable ScheduledExecutorService executor;

    SigningKeyRotation(SigningKeys keys, SigningKeyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "pms-signing-keys");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.signingKeyCheckInterval().toMillis();
        executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void check() {
        try {
            keys.maintain();
        } catch (RuntimeException e) {
            log.warn("Signing key check failed; retrying at the next one: {}", e.toString());
        }
    }
}
