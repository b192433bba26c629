package com.propcloud.pms.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seeded owners log in through the gateway by phone, with the demo password or with an SMS code
 * read from the sandbox provider's file, and see only themselves; the front desk of the other tenant
 * cannot find them, and staff find an owner's homes by the owner's phone (asset-service asks
 * user-service, which alone holds phones in clear).
 */
class OwnersThroughGatewayIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void aDemoOwnerLogsInByPhoneAndPasswordAndSeesThemselfMasked() throws Exception {
        HttpResponse<String> login = post(
                "/api/v1/auth/login",
                "{\"tenant\":\"demo\",\"phone\":\"13900000001\",\"password\":\"Demo#2026\"}",
                null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        JsonNode me = json(get("/api/v1/me", token(login)));
        assertThat(me.path("kind").asString()).isEqualTo("owner");
        assertThat(me.path("tenantCode").asString()).isEqualTo("demo");
        assertThat(me.path("phone").asString()).isEqualTo("139****0001");
        assertThat(me.path("roles").get(0).asString()).isEqualTo("OWNER");
    }

    @Test
    void anAcmeOwnerLogsInByAnSmsCodeFromTheSandbox() throws Exception {
        String phone = "13700000002";
        int before = sandboxLines().size();
        HttpResponse<String> requested =
                post("/api/v1/auth/sms-codes", "{\"tenant\":\"acme\",\"phone\":\"" + phone + "\"}", null);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);

        String code = await().atMost(Duration.ofSeconds(15))
                .until(() -> latestCode(phone, before), Optional::isPresent)
                .orElseThrow();
        HttpResponse<String> login = post(
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"phone\":\"" + phone + "\",\"smsCode\":\"" + code + "\"}",
                null);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/me", token(login))).path("tenantCode").asString())
                .isEqualTo("acme");
    }

    @Test
    void eachFrontDeskFindsOnlyItsOwnTenantsOwners() throws Exception {
        String demoDesk = token(post(
                "/api/v1/auth/login", "{\"tenant\":\"demo\",\"username\":\"desk\",\"password\":\"Demo#2026\"}", null));
        String acmeDesk = token(post(
                "/api/v1/auth/login", "{\"tenant\":\"acme\",\"username\":\"desk\",\"password\":\"Demo#2026\"}", null));

        JsonNode demoOwners = json(get("/api/v1/owners?phone=13900000003", demoDesk));
        assertThat(demoOwners.path("totalElements").asLong()).isEqualTo(1);
        String demoOwnerId = demoOwners.path("content").get(0).path("id").asString();
        assertThat(demoOwners.path("content").get(0).path("phone").asString()).isEqualTo("139****0003");

        assertThat(json(get("/api/v1/owners?phone=13900000003", acmeDesk))
                        .path("totalElements")
                        .asLong())
                .isZero();
        assertThat(get("/api/v1/owners/" + demoOwnerId, acmeDesk).statusCode()).isEqualTo(404);
    }

    @Test
    void staffFindADemoOwnersTwoHomesByTheirPhoneAndAnotherTenantFindsNone() throws Exception {
        PlatformClient demoAdmin = PlatformClient.demoAdmin(platform);
        PlatformClient acmeAdmin = PlatformClient.staff(platform, "acme", "admin");
        String ownerId = demoAdmin
                .getJson("/api/v1/owners?phone=13900000001")
                .path("content")
                .get(0)
                .path("id")
                .asString();
        String community = UUID.nameUUIDFromBytes("pms-demo-project:demo:EMERALD-LAKE".getBytes(UTF_8))
                .toString();

        // asset-service links the demo people in the background once they have all reached it
        JsonNode homes = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> demoAdmin.getJson("/api/v1/units/by-occupant?phone=139-0000-0001"),
                        page -> inProject(page, community).size() == 2);

        assertThat(inProject(homes, community))
                .extracting(unit -> unit.path("personId").asString())
                .containsOnly(ownerId);
        assertThat(acmeAdmin
                        .getJson("/api/v1/units/by-occupant?phone=13900000001")
                        .path("totalElements")
                        .asLong())
                .isZero();
    }

    private static List<JsonNode> inProject(JsonNode page, String projectId) {
        return page.path("content")
                .valueStream()
                .filter(unit -> projectId.equals(unit.path("projectId").asString()))
                .toList();
    }

    /** The code of the newest sandbox message to {@code phone} after the first {@code skip} lines, if one arrived. */
    private static Optional<String> latestCode(String phone, int skip) throws Exception {
        List<String> lines = sandboxLines();
        for (int i = lines.size() - 1; i >= skip; i--) {
            JsonNode message = PlatformClient.JSON.readTree(lines.get(i));
            if (phone.equals(message.path("phone").asString())) {
                return Optional.of(message.path("parameters").path("code").asString());
            }
        }
        return Optional.empty();
    }

    /** The sandbox file is kept across runs; only lines written after a request count for it. */
    private static List<String> sandboxLines() throws Exception {
        return Files.exists(Platform.smsSandboxFile()) ? Files.readAllLines(Platform.smsSandboxFile()) : List.of();
    }

    private static String token(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login).path("accessToken").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return PlatformClient.JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
