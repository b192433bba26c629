package com.propcloud.pms.common.tenant.directory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the whole tenant list and stores it, one fetch at a time: a caller that asks while a fetch
 * is under way waits for that one instead of starting another. Fetches caused by an unknown key are
 * also rate-limited: at most one per {@code missInterval}, and a caller inside the interval is told
 * "no" at once, so neither a flood of unknown codes nor a dead user-service slows every caller down.
 *
 * <p>A failure is logged as a warning once, then quietly until a fetch succeeds again: a service that
 * starts before user-service, or whose events come from unknown tenants, must not fill its log.
 */
final class TenantRefresher {

    private static final Logger log = LoggerFactory.getLogger(TenantRefresher.class);

    private final TenantSource source;
    private final Consumer<List<TenantRecord>> sink;
    private final long missIntervalNanos;
    private final Duration waitLimit;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();

    private @Nullable CompletableFuture<Boolean> inFlight;
    private boolean missRefetchedBefore;
    private long lastMissRefetch;
    private volatile boolean failing;
    private volatile boolean succeededOnce;

    TenantRefresher(
            TenantSource source,
            Consumer<List<TenantRecord>> sink,
            Duration missInterval,
            Duration waitLimit,
            LongSupplier nanoTime) {
        this.source = source;
        this.sink = sink;
        this.missIntervalNanos = missInterval.toNanos();
        this.waitLimit = waitLimit;
        this.nanoTime = nanoTime;
    }

    /** Fetches now (or joins the fetch under way); for the bootstrap. @return whether it succeeded */
    boolean refresh() {
        Flight flight;
        synchronized (lock) {
            flight = joinOrStart();
        }
        return complete(flight);
    }

    /**
     * Fetches because a key was unknown, unless another such fetch happened within the interval (then
     * answers false at once), or joins the fetch under way.
     *
     * @return whether a fetch succeeded, so that looking again is worthwhile
     */
    boolean refreshOnMiss() {
        Flight flight;
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (inFlight == null && missRefetchedBefore && now - lastMissRefetch < missIntervalNanos) {
                return false;
            }
            flight = joinOrStart();
            if (flight.mine()) {
                missRefetchedBefore = true;
                lastMissRefetch = now;
            }
        }
        return complete(flight);
    }

    /** Whether any fetch has succeeded since start. */
    boolean succeededOnce() {
        return succeededOnce;
    }

    private Flight joinOrStart() {
        if (inFlight != null) {
            return new Flight(inFlight, false);
        }
        inFlight = new CompletableFuture<>();
        return new Flight(inFlight, true);
    }

    private boolean complete(Flight flight) {
        if (flight.mine()) {
            return fetch(flight.result());
        }
        try {
            return flight.result().get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean fetch(CompletableFuture<Boolean> result) {
        boolean ok = false;
        try {
            List<TenantRecord> tenants = source.fetchAll();
            sink.accept(tenants);
            ok = true;
            succeededOnce = true;
            if (failing) {
                log.info(
                        "Tenant directory: {} answers again; {} tenant(s) synchronised",
                        source.describe(),
                        tenants.size());
            } else {
                log.debug("Tenant directory: {} tenant(s) synchronised from {}", tenants.size(), source.describe());
            }
            failing = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(e);
        } catch (Exception | LinkageError e) {
            failed(e);
        } finally {
            synchronized (lock) {
                inFlight = null;
            }
            result.complete(ok);
        }
        return ok;
    }

    private void failed(Throwable e) {
        if (!failing) {
            failing = true;
            log.warn(
                    "Tenant directory: cannot fetch the tenants from {} ({}); answering from the local copy and"
                            + " retrying in the background (further failures are logged at debug level)",
                    source.describe(),
                    describe(e));
        } else {
            log.debug("Tenant directory: fetching from {} failed again: {}", source.describe(), describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return root == e ? text : text + " (cause: " + root.getClass().getSimpleName() + ")";
    }

    private record Flight(CompletableFuture<Boolean> result, boolean mine) {}
}
