package com.propcloud.pms.common.tenant.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.messaging.MessagingTestApplication;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose user-service is down starts all the same, answers lookups at once, and fills its
 * directory in the background as soon as user-service answers.
 */
@UsesPmsInfrastructure
@DirtiesContext
@SpringBootTest(
        classes = MessagingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=directorystartit",
            "pms.database.name=directorystartit",
            // a small pool, and the context closed after the class: the test JVM shares the server's connections
            "pms.database.max-pool-size=3",
            "pms.tenant-directory.enabled=true",
            "pms.tenant-directory.client-secret=it-secret",
            "pms.tenant-directory.bootstrap-retry-min=200ms",
            "pms.tenant-directory.bootstrap-retry-max=400ms"
        })
class TenantDirectoryStartupIT {

    static final int PORT = freePort();
    static StubUserService lateUserService;

    @Autowired
    TenantDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void pointAtADeadUserService(DynamicPropertyRegistry registry) {
        registry.add("pms.tenant-directory.user-service-uri", () -> "http://127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stop() {
        if (lateUserService != null) {
            lateUserService.close();
        }
    }

    @Test
    void startsWithoutUserServiceAndBootstrapsOnceItAnswers() throws Exception {
        // the context is up: nothing above waited for user-service
        long started = System.nanoTime();
        assertThat(directory.findByCode("alpha")).isEmpty();
        assertThat(directory.findById(UUID.randomUUID())).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(storedTenants()).isZero();

        StubUserService.Tenant alpha = StubUserService.Tenant.active("alpha", "Asia/Shanghai");
        lateUserService =
                StubUserService.startOn(PORT, "directorystartit", "it-secret").put(alpha);

        // no lookup here: only the background retry can fill the table
        await().atMost(Duration.ofSeconds(10)).until(() -> storedTenants() == 1);
        assertThat(directory.findByCode("alpha").map(TenantEntry::id)).contains(alpha.id());
    }

    private int storedTenants() {
        Integer count = jdbc.queryForObject("select count(*) from tenant_directory", Integer.class);
        return count == null ? 0 : count;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
