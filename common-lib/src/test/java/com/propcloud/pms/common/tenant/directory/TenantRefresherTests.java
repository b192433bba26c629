package com.propcloud.pms.common.tenant.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One fetch at a time, and at most one per interval because of unknown keys. */
class TenantRefresherTests {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<List<TenantRecord>> stored = new ArrayList<>();

    @Test
    void aMissRefetchesAtMostOncePerInterval() {
        TenantRefresher refresher = refresher(() -> List.of());

        assertThat(refresher.refreshOnMiss()).isTrue();
        assertThat(refresher.refreshOnMiss()).isFalse();
        nanos.addAndGet(INTERVAL.toNanos() - 1);
        assertThat(refresher.refreshOnMiss()).isFalse();
        assertThat(fetches).hasValue(1);

        nanos.addAndGet(1);
        assertThat(refresher.refreshOnMiss()).isTrue();
        assertThat(fetches).hasValue(2);
        assertThat(stored).hasSize(2);
    }

    @Test
    void aFailedMissRefetchAlsoCountsAgainstTheInterval() {
        TenantRefresher refresher = refresher(() -> {
            throw new IOException("connection refused");
        });

        assertThat(refresher.refreshOnMiss()).isFalse();
        assertThat(refresher.refreshOnMiss()).isFalse();

        assertThat(fetches).hasValue(1);
        assertThat(refresher.succeededOnce()).isFalse();
    }

    @Test
    void theBootstrapIsNotRateLimitedAndDoesNotUseUpTheMissBudget() {
        TenantRefresher refresher = refresher(() -> List.of());

        assertThat(refresher.refresh()).isTrue();
        assertThat(refresher.refresh()).isTrue();
        assertThat(refresher.refreshOnMiss()).isTrue();

        assertThat(fetches).hasValue(3);
        assertThat(refresher.succeededOnce()).isTrue();
    }

    @Test
    void concurrentMissesShareOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fetching = new CountDownLatch(1);
        TenantRefresher refresher = refresher(() -> {
            fetching.countDown();
            release.await(5, TimeUnit.SECONDS);
            return List.of();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Boolean> first = pool.submit(refresher::refreshOnMiss);
            assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(refresher::refreshOnMiss));
            }
            Thread.sleep(100); // let them reach the flight under way
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(fetches).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiterGivesUpAfterItsLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fetching = new CountDownLatch(1);
        TenantRefresher refresher = new TenantRefresher(
                new Source(() -> {
                    fetching.countDown();
                    release.await(5, TimeUnit.SECONDS);
                    return List.of();
                }),
                stored::add,
                INTERVAL,
                Duration.ofMillis(200),
                nanos::get);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(refresher::refresh);
            assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();

            assertThat(refresher.refreshOnMiss()).isFalse();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private TenantRefresher refresher(Fetch fetch) {
        return new TenantRefresher(new Source(fetch), stored::add, INTERVAL, Duration.ofSeconds(5), nanos::get);
    }

    @FunctionalInterface
    interface Fetch {
        List<TenantRecord> fetch() throws Exception;
    }

    private final class Source implements TenantSource {

        private final Fetch fetch;

        Source(Fetch fetch) {
            this.fetch = fetch;
        }

        @Override
        public List<TenantRecord> fetchAll() throws Exception {
            fetches.incrementAndGet();
            return fetch.fetch();
        }

        @Override
        public String describe() {
            return "test source";
        }
    }
}
