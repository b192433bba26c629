package com.propcloud.pms.asset.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * user-service's owner events, published to RabbitMQ, become asset-service's {@code person} rows under
 * the event's tenant; an update older than the stored copy changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class PersonProjectionIT {

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @Autowired
    DataSource dataSource;

    People people;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.occupancy.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void people() {
        people = new People(events, dataSource);
    }

    @Test
    void anOwnerCreatedEventAddsThePersonUnderItsTenant() throws Exception {
        UUID person = UUID.randomUUID();
        people.publish("user.owner.created", tenant, person, "张伟", "ACTIVE", Instant.now());

        people.awaitName(tenant, person, "张伟");
        assertThat(people.stored(tenant, person).orElseThrow().phoneMasked()).isEqualTo("139****0001");
        assertThat(people.stored(UUID.randomUUID(), person)).isEmpty();
    }

    @Test
    void aNewerUpdateReplacesTheCopyAndAnOlderOneIsIgnored() throws Exception {
        Instant created = Instant.parse("2026-11-01T00:00:00Z");
        UUID person = UUID.randomUUID();
        people.publish("user.owner.created", tenant, person, "李娜", "ACTIVE", created);
        people.awaitName(tenant, person, "李娜");

        people.publish("user.owner.updated", tenant, person, "李娜娜", "ACTIVE", created.plusSeconds(60));
        people.awaitName(tenant, person, "李娜娜");
        people.publish("user.owner.updated", tenant, person, "Stale", "DISABLED", created.plusSeconds(30));
        // a marker published after the stale one: once it is in, the stale one has been handled too
        UUID marker = UUID.randomUUID();
        people.publish("user.owner.created", tenant, marker, "Marker", "ACTIVE", Instant.now());
        people.awaitName(tenant, marker, "Marker");

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                        people.stored(tenant, person).orElseThrow())
                .isEqualTo(new People.Stored("李娜娜", "139****0001", "ACTIVE")));
    }
}
