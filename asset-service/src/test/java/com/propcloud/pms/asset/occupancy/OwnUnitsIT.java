package com.propcloud.pms.asset.occupancy;

import static com.propcloud.pms.asset.occupancy.People.ownerToken;
import static com.propcloud.pms.asset.registry.RegistryApi.assertNotFoundLikeMissing;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.ids;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The owners' app view of their units: the units they hold now, and nobody else's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class OwnUnitsIT {

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    RegistryApi api;
    People people;
    String building;
    UUID owner;
    String home;
    String shop;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.occupancy.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void anOwnerOfTwoUnits() throws Exception {
        api = new RegistryApi(port);
        people = new People(events, dataSource);
        String project = api.project(hq(tenant), unique("A-"));
        building = api.building(hq(tenant), project, "1", 10, 0);
        home = api.unit(hq(tenant), building, "1201", 10, "OCCUPIED");
        shop = api.unit(hq(tenant), building, "S1", 1, "OCCUPIED");
        owner = people.person(tenant, "张伟");
        link(home, owner, "OWNER", true);
        link(shop, owner, "CO_OWNER", false);
    }

    private String link(String unit, UUID person, String role, boolean primaryPayer) throws Exception {
        return id(api.created(
                "/api/v1/units/" + unit + "/occupants",
                hq(tenant),
                "{\"personId\":\"%s\",\"role\":\"%s\",\"primaryPayer\":%s,\"moveIn\":\"2025-07-01\"}"
                        .formatted(person, role, primaryPayer)));
    }

    @Test
    void anOwnerSeesTheUnitsTheyHoldWithWhereAndHow() throws Exception {
        JsonNode page = body(api.get("/api/v1/app/units", ownerToken(tenant, owner)), 200);
        JsonNode own = body(api.get("/api/v1/app/units/" + home, ownerToken(tenant, owner)), 200);

        assertThat(ids(page)).containsExactlyInAnyOrder(home, shop);
        assertThat(own.path("number").asString()).isEqualTo("1201");
        assertThat(own.path("buildingName").asString()).isEqualTo("B 1");
        assertThat(own.path("projectName").asString()).startsWith("P A-");
        assertThat(own.path("role").asString()).isEqualTo("OWNER");
        assertThat(own.path("primaryPayer").asBoolean()).isTrue();
    }

    @Test
    void anotherOwnersUnitIsNotFoundLikeAMissingOne() throws Exception {
        UUID neighbour = people.person(tenant, "李娜");
        String theirs = api.unit(hq(tenant), building, "1202", 10, "OCCUPIED");
        link(theirs, neighbour, "OWNER", true);
        String mine = ownerToken(tenant, owner);

        assertNotFoundLikeMissing(
                api.get("/api/v1/app/units/" + theirs, mine),
                api.get("/api/v1/app/units/" + UUID.randomUUID(), mine),
                theirs);
        assertThat(ids(body(api.get("/api/v1/app/units", mine), 200))).doesNotContain(theirs);
    }

    @Test
    void theSameOwnerIdInAnotherTenantSeesNothing() throws Exception {
        String stranger = ownerToken(UUID.randomUUID(), owner);

        assertNotFoundLikeMissing(
                api.get("/api/v1/app/units/" + home, stranger),
                api.get("/api/v1/app/units/" + UUID.randomUUID(), stranger),
                home);
        assertThat(ids(body(api.get("/api/v1/app/units", stranger), 200))).isEmpty();
    }

    @Test
    void aUnitMovedOutOfIsNoLongerTheOwners() throws Exception {
        String stay = ids(body(api.get("/api/v1/units/" + shop + "/occupants", hq(tenant)), 200))
                .get(0);
        body(
                api.post(
                        "/api/v1/units/" + shop + "/occupants/" + stay + "/end",
                        hq(tenant),
                        "{\"moveOut\":\"2026-01-31\"}"),
                200);

        assertThat(api.get("/api/v1/app/units/" + shop, ownerToken(tenant, owner))
                        .statusCode())
                .isEqualTo(404);
        assertThat(ids(body(api.get("/api/v1/app/units", ownerToken(tenant, owner)), 200)))
                .containsExactly(home);
    }

    @Test
    void staffAreRefused() throws Exception {
        assertThat(api.get("/api/v1/app/units", hq(tenant)).statusCode()).isEqualTo(403);
    }
}
