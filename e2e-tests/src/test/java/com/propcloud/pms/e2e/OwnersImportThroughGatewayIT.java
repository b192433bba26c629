package com.propcloud.pms.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An owners sheet across both services through the gateway: units imported into a new project, then
 * owners, whom user-service creates or matches by phone (a seeded login owner among them, matched, not
 * duplicated) before asset-service links them. Importing the same file again changes nothing in either
 * service.
 */
class OwnersImportThroughGatewayIT {

    private static final String UNITS_HEADER = "Building code,Building name,Floors above,Floors below,Elevators,"
            + "Unit number,Floor,Entrance,Unit type,Gross area,Inner area,Status,Handover date\n";
    private static final String OWNERS_HEADER =
            "Building code,Unit number,Name,Mobile phone,ID number,Role,Primary payer,Move-in date\n";
    private static final String SEEDED_OWNER = "13900000001";

    @Test
    void ownersAreCreatedOrMatchedInUserServiceAndLinkedOnce() throws Exception {
        PlatformClient admin = PlatformClient.demoAdmin(Platform.get());
        String code = "E2E-OW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> created = admin.post(
                "/api/v1/projects", "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"RESIDENTIAL\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String project = PlatformClient.JSON.readTree(created.body()).path("id").asString();

        StringBuilder units = new StringBuilder(UNITS_HEADER);
        for (int i = 1; i <= 20; i++) {
            units.append("T1,1号楼,20,0,1,")
                    .append(i)
                    .append("01,")
                    .append(i)
                    .append(",1,APARTMENT,90.00,75.00,VACANT,2024-06-30\n");
        }
        assertThat(importFile(admin, "/api/v1/units/imports", project, units.toString(), 20, 0))
                .isEqualTo("COMMITTED");

        // phones unique to this run, and one of the seeded login owners
        String prefix =
                "137" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        StringBuilder owners = new StringBuilder(OWNERS_HEADER);
        for (int i = 1; i <= 19; i++) {
            owners.append("T1,")
                    .append(i)
                    .append("01,业主")
                    .append(i)
                    .append(',')
                    .append(prefix)
                    .append(String.format("%04d", i))
                    .append(",,OWNER,Y,2024-07-01\n");
        }
        owners.append("T1,2001,业主一号,").append(SEEDED_OWNER).append(",,CO_OWNER,N,\n");

        assertThat(importFile(admin, "/api/v1/occupants/imports", project, owners.toString(), 20, 0))
                .isEqualTo("COMMITTED");

        // user-service now knows every new phone once, and the seeded owner is still one person
        JsonNode seeded = admin.getJson("/api/v1/owners?phone=" + SEEDED_OWNER);
        assertThat(seeded.path("totalElements").asLong()).isEqualTo(1);
        String seededId = seeded.path("content").get(0).path("id").asString();
        JsonNode held = admin.getJson("/api/v1/units/by-occupant?personId=" + seededId);
        assertThat(numbers(held, project)).containsExactly("2001");

        String newPhone = prefix + "0007";
        JsonNode createdOwner = admin.getJson("/api/v1/owners?phone=" + newPhone);
        assertThat(createdOwner.path("totalElements").asLong()).isEqualTo(1);
        String ownerId = createdOwner.path("content").get(0).path("id").asString();
        assertThat(numbers(admin.getJson("/api/v1/units/by-occupant?personId=" + ownerId), project))
                .containsExactly("701");

        // the same file again: nothing to create, nobody duplicated
        assertThat(importFile(admin, "/api/v1/occupants/imports", project, owners.toString(), 0, 20))
                .isEqualTo("COMMITTED");
        assertThat(admin.getJson("/api/v1/owners?phone=" + newPhone)
                        .path("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(numbers(admin.getJson("/api/v1/units/by-occupant?personId=" + ownerId), project))
                .containsExactly("701");
    }

    /** Uploads, checks the dry run's counts, commits and follows the import to its end; its status. */
    private static String importFile(
            PlatformClient client, String imports, String project, String csv, int toCreate, int unchanged)
            throws Exception {
        JsonNode dry = settle(
                client,
                imports,
                client.upload(imports + "?projectId=" + project, "f.csv", "text/csv", csv.getBytes(UTF_8)));
        assertThat(dry.path("status").asString()).as(dry.toString()).isEqualTo("VALIDATED");
        assertThat(dry.path("counts").path("toCreate").asInt())
                .as(dry.toString())
                .isEqualTo(toCreate);
        assertThat(dry.path("counts").path("unchanged").asInt())
                .as(dry.toString())
                .isEqualTo(unchanged);
        String id = dry.path("id").asString();
        return settle(client, imports, client.post(imports + "/" + id + "/commit", ""))
                .path("status")
                .asString();
    }

    private static JsonNode settle(PlatformClient client, String imports, HttpResponse<String> response)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 202);
        JsonNode body = PlatformClient.JSON.readTree(response.body());
        String path = imports + "/" + body.path("id").asString();
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> client.getJson(path), s -> !List.of("VALIDATING", "COMMITTING")
                        .contains(s.path("status").asString()));
    }

    private static List<String> numbers(JsonNode page, String project) {
        return page.path("content")
                .valueStream()
                .filter(u -> project.equals(u.path("projectId").asString()))
                .map(u -> u.path("number").asString())
                .toList();
    }
}
