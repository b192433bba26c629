package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every route the gateway exposes, found from the gateway's own route configuration and each
 * service's OpenAPI document (so a new endpoint cannot be forgotten), is checked against a hostile
 * client: no token, an expired, tampered, unsigned ({@code alg: none}), wrongly signed or unknown-key
 * token is refused with 401; another tenant's token on an object answers 404 as a missing id would,
 * and so does a staff member of another project, or another owner of the same tenant, on an object
 * outside their data scope; a role without the permission gets 403 (404 on object routes). Staff
 * tokens are minted as user-service issues them: HQ admins without {@code projects}, every other role
 * scoped to {@link #PROJECT}. A route without an expectation here fails the test.
 */
class AuthorizationMatrixIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> SERVICES = Set.of("user", "asset", "workorder", "billing", "iot", "reporting");
    private static final Pattern GATEWAY_ROUTE =
            Pattern.compile("- id: ([a-z-]+)\\s+uri: [^\\n]+\\s+predicates:\\s+- Path=([^\\n]+)");

    /** architecture.md's fixed list of routes open without a token. */
    private static final Set<String> PUBLIC = Set.of(
            "POST /api/v1/auth/login",
            "POST /api/v1/auth/refresh",
            "POST /api/v1/auth/sms-codes",
            "POST /api/v1/auth/password-resets",
            "POST /api/v1/auth/password-resets/confirm",
            "GET /api/v1/auth/jwks");

    private static final Set<String> ANY_STAFF =
            Set.of("HQ_ADMIN", "PROJECT_MANAGER", "FRONT_DESK", "TECHNICIAN", "FINANCE", "SECURITY");
    private static final Set<String> TICKET_DESK = Set.of("HQ_ADMIN", "PROJECT_MANAGER", "FRONT_DESK", "TECHNICIAN");
    /**
     * Objects that belong to the tenant, not to a project: owners stay tenant-wide until the registry
     * links them to units (and so to projects); regions group projects and every staff member reads them.
     */
    private static final Set<String> TENANT_WIDE_OBJECTS = Set.of(" /api/v1/owners/", " /api/v1/projects/regions/");

    /** A body of this prefix is sent as a multipart upload of the rest as a .csv file. */
    private static final String UPLOAD_CSV = "multipart-csv:";

    private static final Set<String> OWNER_DESK = Set.of("HQ_ADMIN", "PROJECT_MANAGER", "FRONT_DESK");
    private static final Set<String> REPORT_READERS = Set.of("HQ_ADMIN", "PROJECT_MANAGER", "FRONT_DESK", "FINANCE");
    private static final String HQ_ADMIN = "HQ_ADMIN";

    /** The project every project-scoped staff token of the matrix names, in either tenant. */
    private static final UUID PROJECT = UUID.randomUUID();
    /**
     * Two owners of tenant A; the fixtures of owner routes belong to the first, a real owner account of
     * user-service (created at start), so that asset-service knows them as a person and can link them
     * to units.
     */
    private static UUID OWNER_A;

    private static final UUID OWNER_B = UUID.randomUUID();

    /**
     * The registry's objects the matrix works in: a project of tenant A (created on first use by its HQ
     * admin, since its id cannot be chosen) that every project-scoped token of the matrix names besides
     * {@link #PROJECT}, and a building in it. Bodies refer to them as {@code %p} and {@code %b}.
     */
    private static String matrixProject;

    private static String matrixBuilding;

    private static Platform platform;
    private static PlatformTokens tokens;
    /** The seeded tenants {@code demo} (A) and {@code acme} (B), with the same usernames in each. */
    private static UUID TENANT_A;

    private static UUID TENANT_B;

    /**
     * What each route must do; {@code allowed} null means any authenticated caller. {@code owners}: the
     * route is the owners' app (role {@code OWNER}, {@code kind: owner}) and every staff role is refused.
     * {@code outOfScope}: allowed roles whose data scope cannot reach what the route shows, so they get
     * 404 rather than data.
     */
    record Expectation(
            Set<String> allowed,
            boolean operator,
            boolean owners,
            Set<String> outOfScope,
            String query,
            String body,
            Function<String, String> objectFixture) {

        static Expectation roles(Set<String> allowed) {
            return new Expectation(allowed, false, false, Set.of(), "", null, null);
        }

        static Expectation anyCaller() {
            return new Expectation(null, false, false, Set.of(), "", null, null);
        }

        /** Only platform operators ({@code kind: operator}); every staff role is refused. */
        static Expectation operatorsOnly() {
            return new Expectation(Set.of(), true, false, Set.of(), "", null, null);
        }

        /** Only owners, in the owners' app; every staff role is refused with 403. */
        static Expectation ownersOnly() {
            return new Expectation(Set.of(), false, true, Set.of(), "", null, null);
        }

        /** Platform operators may use the route besides the given staff roles. */
        Expectation andOperators() {
            return new Expectation(allowed, true, owners, outOfScope, query, body, objectFixture);
        }

        /** These allowed roles pass the role check but their data scope holds nothing here: 404. */
        Expectation notFoundFor(Set<String> roles) {
            return new Expectation(allowed, operator, owners, roles, query, body, objectFixture);
        }

        Expectation query(String query) {
            return new Expectation(allowed, operator, owners, outOfScope, query, body, objectFixture);
        }

        Expectation body(String body) {
            return new Expectation(allowed, operator, owners, outOfScope, query, body, objectFixture);
        }

        /**
         * The route names one object: the fixture creates one in tenant A (given a token of an allowed
         * caller; for owner routes, owner A) and returns its id.
         */
        Expectation object(Function<String, String> fixture) {
            return new Expectation(allowed, operator, owners, outOfScope, query, body, fixture);
        }
    }

    private static final Map<String, Expectation> EXPECTATIONS = new LinkedHashMap<>();

    static {
        EXPECTATIONS.put("GET /api/v1/me", Expectation.anyCaller());
        EXPECTATIONS.put(
                "POST /api/v1/me/password",
                Expectation.anyCaller().body("{\"currentPassword\":\"x\",\"newPassword\":\"Another#Pass2027\"}"));
        Set<String> hq = Set.of("HQ_ADMIN");
        EXPECTATIONS.put(
                "POST /api/v1/staff",
                Expectation.roles(hq)
                        .body("{\"username\":\"m-%s\",\"displayName\":\"Matrix\",\"roles\":[\"TECHNICIAN\"]}"));
        EXPECTATIONS.put("GET /api/v1/staff", Expectation.roles(hq));
        EXPECTATIONS.put("GET /api/v1/staff/{id}", Expectation.roles(hq).object(AuthorizationMatrixIT::newStaff));
        EXPECTATIONS.put(
                "PATCH /api/v1/staff/{id}",
                Expectation.roles(hq).body("{\"displayName\":\"Renamed\"}").object(AuthorizationMatrixIT::newStaff));
        EXPECTATIONS.put("DELETE /api/v1/staff/{id}", Expectation.roles(hq).object(AuthorizationMatrixIT::newStaff));
        for (String action : List.of("disable", "enable", "force-password-reset")) {
            EXPECTATIONS.put(
                    "POST /api/v1/staff/{id}/" + action, Expectation.roles(hq).object(AuthorizationMatrixIT::newStaff));
        }
        EXPECTATIONS.put("POST /api/v1/auth/logout", Expectation.anyCaller().body("{\"refreshToken\":\"unknown\"}"));
        EXPECTATIONS.put(
                "POST /api/v1/owners",
                Expectation.roles(OWNER_DESK).body("{\"displayName\":\"Matrix\",\"phone\":\"139%d\"}"));
        EXPECTATIONS.put("GET /api/v1/owners", Expectation.roles(OWNER_DESK));
        EXPECTATIONS.put(
                "GET /api/v1/owners/{id}", Expectation.roles(OWNER_DESK).object(AuthorizationMatrixIT::newOwner));
        EXPECTATIONS.put(
                "PATCH /api/v1/owners/{id}",
                Expectation.roles(OWNER_DESK)
                        .body("{\"displayName\":\"Renamed\"}")
                        .object(AuthorizationMatrixIT::newOwner));
        for (String action : List.of("disable", "enable")) {
            EXPECTATIONS.put(
                    "POST /api/v1/owners/{id}/" + action,
                    Expectation.roles(OWNER_DESK).object(AuthorizationMatrixIT::newOwner));
        }
        EXPECTATIONS.put(
                "POST /api/v1/owners/{id}/force-password-reset",
                Expectation.roles(hq).object(AuthorizationMatrixIT::newOwner));
        Set<String> revealers = Set.of("HQ_ADMIN", "FRONT_DESK");
        EXPECTATIONS.put(
                "DELETE /api/v1/owners/{id}", Expectation.roles(revealers).object(AuthorizationMatrixIT::newOwner));
        EXPECTATIONS.put(
                "POST /api/v1/owners/{id}/reveal",
                Expectation.roles(revealers).body("{\"field\":\"PHONE\"}").object(AuthorizationMatrixIT::newOwner));
        EXPECTATIONS.put("GET /api/v1/tenants", Expectation.operatorsOnly());
        EXPECTATIONS.put(
                "POST /api/v1/tenants",
                Expectation.operatorsOnly().body("{\"code\":\"m-%s\",\"name\":\"Matrix tenant\"}"));
        EXPECTATIONS.put("GET /api/v1/tenants/{id}", Expectation.operatorsOnly());
        EXPECTATIONS.put(
                "PATCH /api/v1/tenants/{id}", Expectation.operatorsOnly().body("{\"name\":\"Renamed\"}"));
        EXPECTATIONS.put("POST /api/v1/auth/signing-keys/rotate", Expectation.operatorsOnly());
        EXPECTATIONS.put("POST /api/v1/tenants/{id}/suspend", Expectation.operatorsOnly());
        EXPECTATIONS.put("POST /api/v1/tenants/{id}/reactivate", Expectation.operatorsOnly());
        EXPECTATIONS.put("GET /api/v1/audit-events", Expectation.roles(hq).andOperators());
        EXPECTATIONS.put(
                "POST /api/v1/work-orders", Expectation.roles(TICKET_DESK).body(ticketInProject("matrix")));
        EXPECTATIONS.put("GET /api/v1/work-orders", Expectation.roles(TICKET_DESK));
        EXPECTATIONS.put(
                "GET /api/v1/work-orders/{id}",
                Expectation.roles(TICKET_DESK).object(AuthorizationMatrixIT::newTicket));
        EXPECTATIONS.put(
                "GET /api/v1/reports/work-orders/daily",
                Expectation.roles(REPORT_READERS).query("from=2026-11-01&to=2026-11-30"));
        // devices carry no project yet, so only tenant-wide staff can be shown a device in scope
        Set<String> projectScoped = new TreeSet<>(ANY_STAFF);
        projectScoped.remove(HQ_ADMIN);
        EXPECTATIONS.put(
                "GET /api/v1/reports/telemetry",
                Expectation.roles(ANY_STAFF)
                        .notFoundFor(projectScoped)
                        .query("deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z"));
        // the registry: HQ shapes projects and regions, HQ and project managers register buildings and
        // units; every staff member reads within their scope (regions tenant-wide)
        Set<String> registrars = Set.of("HQ_ADMIN", "PROJECT_MANAGER");
        EXPECTATIONS.put(
                "POST /api/v1/projects",
                Expectation.roles(hq).body("{\"code\":\"m-%s\",\"name\":\"Matrix\",\"type\":\"OFFICE\"}"));
        EXPECTATIONS.put("GET /api/v1/projects", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/projects/{id}", Expectation.roles(ANY_STAFF).object(token -> matrixProject()));
        EXPECTATIONS.put(
                "GET /api/v1/projects/{id}/tree", Expectation.roles(ANY_STAFF).object(token -> matrixProject()));
        EXPECTATIONS.put(
                "PATCH /api/v1/projects/{id}",
                Expectation.roles(hq).body("{\"name\":\"Renamed\"}").object(token -> newProject()));
        EXPECTATIONS.put("DELETE /api/v1/projects/{id}", Expectation.roles(hq).object(token -> newProject()));
        EXPECTATIONS.put("POST /api/v1/projects/regions", Expectation.roles(hq).body("{\"name\":\"m-%s\"}"));
        EXPECTATIONS.put("GET /api/v1/projects/regions", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/projects/regions/{id}",
                Expectation.roles(ANY_STAFF).object(token -> newRegion()));
        EXPECTATIONS.put(
                "PATCH /api/v1/projects/regions/{id}",
                Expectation.roles(hq).body("{\"name\":\"m-%s\"}").object(token -> newRegion()));
        EXPECTATIONS.put(
                "DELETE /api/v1/projects/regions/{id}", Expectation.roles(hq).object(token -> newRegion()));
        EXPECTATIONS.put(
                "POST /api/v1/buildings",
                Expectation.roles(registrars)
                        .body("{\"projectId\":\"%p\",\"code\":\"m-%s\",\"name\":\"Matrix\",\"floorsAbove\":3}"));
        EXPECTATIONS.put("GET /api/v1/buildings", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/buildings/{id}", Expectation.roles(ANY_STAFF).object(token -> newBuilding()));
        EXPECTATIONS.put(
                "PATCH /api/v1/buildings/{id}",
                Expectation.roles(registrars).body("{\"name\":\"Renamed\"}").object(token -> newBuilding()));
        EXPECTATIONS.put(
                "DELETE /api/v1/buildings/{id}", Expectation.roles(registrars).object(token -> newBuilding()));
        EXPECTATIONS.put("POST /api/v1/units", Expectation.roles(registrars).body(unitIn("m-%s")));
        EXPECTATIONS.put("GET /api/v1/units", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put("GET /api/v1/units/{id}", Expectation.roles(ANY_STAFF).object(token -> newUnit()));
        EXPECTATIONS.put(
                "PATCH /api/v1/units/{id}",
                Expectation.roles(registrars).body("{\"status\":\"RENTED\"}").object(token -> newUnit()));
        EXPECTATIONS.put(
                "DELETE /api/v1/units/{id}", Expectation.roles(registrars).object(token -> newUnit()));
        // occupancy: the owner desk links people (%o: a person asset-service knows) and vehicles (%v: a
        // new plate); every staff member reads, in scope. Nested routes name "unit|child" as their id.
        EXPECTATIONS.put(
                "POST /api/v1/units/{unitId}/occupants",
                Expectation.roles(OWNER_DESK)
                        .body("{\"personId\":\"%o\",\"role\":\"FAMILY\",\"moveIn\":\"2025-07-01\"}")
                        .object(token -> newUnit()));
        EXPECTATIONS.put(
                "GET /api/v1/units/{unitId}/occupants",
                Expectation.roles(ANY_STAFF).object(token -> newUnit()));
        EXPECTATIONS.put(
                "POST /api/v1/units/{unitId}/occupants/{occupancyId}/end",
                Expectation.roles(OWNER_DESK)
                        .body("{\"moveOut\":\"2030-01-01\"}")
                        .object(token -> newOccupancy()));
        EXPECTATIONS.put(
                "POST /api/v1/units/{unitId}/vehicles",
                Expectation.roles(OWNER_DESK).body("{\"plate\":\"%v\"}").object(token -> newUnit()));
        // units by a current occupant's name or person id: any staff member, within their projects
        EXPECTATIONS.put(
                "GET /api/v1/units/by-occupant", Expectation.roles(ANY_STAFF).query("name=x"));
        EXPECTATIONS.put(
                "GET /api/v1/units/{unitId}/vehicles",
                Expectation.roles(ANY_STAFF).object(token -> newUnit()));
        EXPECTATIONS.put(
                "DELETE /api/v1/units/{unitId}/vehicles/{vehicleId}",
                Expectation.roles(OWNER_DESK).object(token -> newVehicle()));
        // parking spaces: registered like units, read by every staff member in scope
        EXPECTATIONS.put(
                "POST /api/v1/parking-spaces",
                Expectation.roles(registrars)
                        .body("{\"projectId\":\"%p\",\"zone\":\"m\",\"number\":\"m-%s\",\"type\":\"VISITOR\"}"));
        EXPECTATIONS.put("GET /api/v1/parking-spaces", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/parking-spaces/{id}", Expectation.roles(ANY_STAFF).object(token -> newParkingSpace()));
        EXPECTATIONS.put(
                "PATCH /api/v1/parking-spaces/{id}",
                Expectation.roles(registrars).body("{\"status\":\"RESERVED\"}").object(token -> newParkingSpace()));
        EXPECTATIONS.put(
                "DELETE /api/v1/parking-spaces/{id}",
                Expectation.roles(registrars).object(token -> newParkingSpace()));
        // renovation filings: the owner desk files for an occupant (%u: a unit owner A holds, %a: owner
        // A), HQ admins and project managers decide; a repeated decision is a no-op, so each role can
        // take the same one
        Set<String> deciders = Set.of("HQ_ADMIN", "PROJECT_MANAGER");
        EXPECTATIONS.put(
                "POST /api/v1/renovations", Expectation.roles(OWNER_DESK).body(filing("%u", "%a")));
        EXPECTATIONS.put("GET /api/v1/renovations", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/renovations/{id}", Expectation.roles(ANY_STAFF).object(token -> newRenovation()));
        EXPECTATIONS.put(
                "POST /api/v1/renovations/{id}/approve",
                Expectation.roles(deciders).object(token -> newRenovation()));
        EXPECTATIONS.put(
                "POST /api/v1/renovations/{id}/reject",
                Expectation.roles(deciders).body("{\"reason\":\"matrix\"}").object(token -> newRenovation()));
        EXPECTATIONS.put(
                "POST /api/v1/renovations/{id}/complete",
                Expectation.roles(deciders).object(token -> approved(newRenovation())));
        // the owners' own units and their filings
        Expectation ownUnit = Expectation.ownersOnly();
        EXPECTATIONS.put("GET /api/v1/app/units", ownUnit);
        EXPECTATIONS.put("GET /api/v1/app/units/{id}", ownUnit.object(token -> newHeldUnit()));
        EXPECTATIONS.put("GET /api/v1/app/units/{unitId}/renovations", ownUnit.object(token -> newHeldUnit()));
        EXPECTATIONS.put(
                "POST /api/v1/app/units/{unitId}/renovations",
                ownUnit.body(filing(null, null)).object(token -> newHeldUnit()));
        EXPECTATIONS.put(
                "GET /api/v1/app/units/{unitId}/renovations/{id}",
                ownUnit.object(AuthorizationMatrixIT::newOwnRenovation));
        // equipment, maintenance plans and patrol routes follow the registry: HQ admins and project
        // managers shape them, every staff member reads (and scans, and prints labels) within their scope
        EXPECTATIONS.put(
                "POST /api/v1/equipment",
                Expectation.roles(registrars).body("{\"projectId\":\"%p\",\"category\":\"CCTV\",\"name\":\"m-%s\"}"));
        EXPECTATIONS.put("GET /api/v1/equipment", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/equipment/{id}", Expectation.roles(ANY_STAFF).object(token -> newEquipment()));
        EXPECTATIONS.put(
                "GET /api/v1/equipment/{id}/label.png",
                Expectation.roles(ANY_STAFF).object(token -> newEquipment()));
        EXPECTATIONS.put(
                "GET /api/v1/equipment/by-code/{code}",
                Expectation.roles(ANY_STAFF).object(token -> newEquipmentCode()));
        EXPECTATIONS.put(
                "GET /api/v1/equipment/labels.pdf", Expectation.roles(ANY_STAFF).query("projectId=%p"));
        EXPECTATIONS.put(
                "PATCH /api/v1/equipment/{id}",
                Expectation.roles(registrars).body("{\"status\":\"FAULTY\"}").object(token -> newEquipment()));
        EXPECTATIONS.put(
                "DELETE /api/v1/equipment/{id}", Expectation.roles(registrars).object(token -> newEquipment()));
        EXPECTATIONS.put(
                "POST /api/v1/maintenance-plans", Expectation.roles(registrars).body(planIn("m-%s")));
        EXPECTATIONS.put("GET /api/v1/maintenance-plans", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/maintenance-plans/{id}",
                Expectation.roles(ANY_STAFF).object(token -> newPlan()));
        EXPECTATIONS.put(
                "PATCH /api/v1/maintenance-plans/{id}",
                Expectation.roles(registrars).body("{\"name\":\"Renamed\"}").object(token -> newPlan()));
        EXPECTATIONS.put(
                "DELETE /api/v1/maintenance-plans/{id}",
                Expectation.roles(registrars).object(token -> newPlan()));
        EXPECTATIONS.put(
                "POST /api/v1/patrol-routes", Expectation.roles(registrars).body(routeIn("m-%s")));
        EXPECTATIONS.put("GET /api/v1/patrol-routes", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/patrol-routes/{id}", Expectation.roles(ANY_STAFF).object(token -> newRoute()));
        EXPECTATIONS.put(
                "PATCH /api/v1/patrol-routes/{id}",
                Expectation.roles(registrars).body("{\"active\":false}").object(token -> newRoute()));
        EXPECTATIONS.put(
                "DELETE /api/v1/patrol-routes/{id}",
                Expectation.roles(registrars).object(token -> newRoute()));
        // imports of buildings+units, parking spaces and equipment: HQ and project managers, within their
        // projects; any staff member exports what they can list
        importRoutes("/api/v1/units", AuthorizationMatrixIT::unitsCsv, registrars);
        importRoutes("/api/v1/parking-spaces", AuthorizationMatrixIT::parkingCsv, registrars);
        importRoutes("/api/v1/equipment", AuthorizationMatrixIT::equipmentCsv, registrars);
        EXPECTATIONS.put("GET /api/v1/units/export", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put("GET /api/v1/parking-spaces/export", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put("GET /api/v1/equipment/export", Expectation.roles(ANY_STAFF));
        // owners+occupancy: imported like units (an upload's row names no unit; the importers' own import
        // names a new unit and commits a new person); no export, it would carry phones and ID numbers
        importRoutes(
                "/api/v1/occupants",
                AuthorizationMatrixIT::ownersCsv,
                registrars,
                AuthorizationMatrixIT::newOwnersImport);
        // opening balances (期初欠费): imported by HQ, project managers and finance within their projects,
        // read, totalled and exported by any staff member in scope (the export needs its project)
        importRoutes(
                "/api/v1/opening-balances",
                AuthorizationMatrixIT::balancesCsv,
                Set.of("HQ_ADMIN", "PROJECT_MANAGER", "FINANCE"),
                AuthorizationMatrixIT::newBalanceImport);
        EXPECTATIONS.put("GET /api/v1/opening-balances", Expectation.roles(ANY_STAFF));
        EXPECTATIONS.put(
                "GET /api/v1/opening-balances/{id}",
                Expectation.roles(ANY_STAFF).object(token -> newOpeningBalance()));
        EXPECTATIONS.put(
                "GET /api/v1/opening-balances/summary",
                Expectation.roles(ANY_STAFF).query("projectId=%p"));
        EXPECTATIONS.put(
                "GET /api/v1/opening-balances/export",
                Expectation.roles(ANY_STAFF).query("projectId=%p"));
        Expectation ownTicket = Expectation.ownersOnly();
        EXPECTATIONS.put(
                "POST /api/v1/app/work-orders", ownTicket.body("{\"kind\":\"REPAIR\",\"description\":\"matrix\"}"));
        EXPECTATIONS.put("GET /api/v1/app/work-orders", ownTicket);
        EXPECTATIONS.put("GET /api/v1/app/work-orders/{id}", ownTicket.object(AuthorizationMatrixIT::newOwnTicket));
    }

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        tokens = PlatformTokens.load();
        TENANT_A = tokens.tenantId("demo");
        TENANT_B = tokens.tenantId("acme");
        OWNER_A = UUID.fromString(newOwner(hqOfA()));
    }

    @Test
    void everyExposedRouteHasAnExpectation() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String route : exposedRoutes()) {
            if (!PUBLIC.contains(route) && !EXPECTATIONS.containsKey(route)) {
                missing.add(route);
            }
        }
        assertThat(missing).as("routes without an authorization expectation").isEmpty();
        assertThat(EXPECTATIONS.keySet())
                .as("expectations for routes that no longer exist")
                .isSubsetOf(exposedRoutes());
    }

    @Test
    void everyProtectedRouteRefusesMissingAndForgedTokens() throws Exception {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("garbage", "not.a.jwt");
        forged.put("expired", tokens.expired(TENANT_A, "demo"));
        forged.put("tampered", tokens.tampered(TENANT_A, "demo"));
        forged.put("alg none", tokens.algNone(TENANT_A, "demo"));
        forged.put("wrongly signed", tokens.wronglySigned(TENANT_A, "demo"));
        forged.put("unknown kid", tokens.unknownKid(TENANT_A, "demo"));
        SoftAssertions softly = new SoftAssertions();
        for (var entry : EXPECTATIONS.entrySet()) {
            for (var token : forged.entrySet()) {
                HttpResponse<String> response =
                        call(entry.getKey(), entry.getValue(), UUID.randomUUID().toString(), token.getValue());
                softly.assertThat(response.statusCode())
                        .as(entry.getKey() + " with " + token.getKey())
                        .isEqualTo(401);
            }
        }
        softly.assertAll();
    }

    @Test
    void allowedRolesGetThroughAndOthersAreRefused() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (var entry : EXPECTATIONS.entrySet()) {
            Expectation expectation = entry.getValue();
            Set<String> allowed = expectation.allowed() == null ? ANY_STAFF : expectation.allowed();
            // object routes act on a real object of tenant A; others get a random id where they name one
            String id = expectation.objectFixture() == null
                    ? UUID.randomUUID().toString()
                    : expectation.objectFixture().apply(ownCaller(expectation, TENANT_A, "demo"));
            for (String role : ANY_STAFF) {
                String token = staff(TENANT_A, "demo", role);
                // a delete (or commit) that succeeded leaves nothing for the next allowed role: each acts on its own
                String target = oneShot(entry.getKey()) && allowed.contains(role)
                        ? expectation.objectFixture().apply(token)
                        : id;
                HttpResponse<String> response = call(entry.getKey(), expectation, target, token);
                String what = entry.getKey() + " as " + role;
                if (expectation.allowed() == null) {
                    // any authenticated caller: past security, whatever the route then answers
                    softly.assertThat(response.statusCode()).as(what).isNotIn(401, 403);
                } else if (expectation.outOfScope().contains(role)) {
                    softly.assertThat(response.statusCode()).as(what).isEqualTo(404);
                } else if (expectation.owners()) {
                    // the owners' app refuses staff by role, before any object is looked up
                    softly.assertThat(response.statusCode()).as(what).isEqualTo(403);
                } else if (allowed.contains(role)) {
                    softly.assertThat(response.statusCode()).as(what).isBetween(200, 299);
                } else if (expectation.objectFixture() != null) {
                    softly.assertThat(response.statusCode()).as(what).isIn(403, 404);
                } else {
                    softly.assertThat(response.statusCode()).as(what).isEqualTo(403);
                }
            }
            if (expectation.owners()) {
                HttpResponse<String> owner =
                        call(entry.getKey(), expectation, id, tokens.owner(TENANT_A, "demo", OWNER_A));
                softly.assertThat(owner.statusCode())
                        .as(entry.getKey() + " as its owner")
                        .isBetween(200, 299);
            } else if (expectation.allowed() != null) {
                HttpResponse<String> owner = call(entry.getKey(), expectation, id, tokens.owner(TENANT_A, "demo"));
                softly.assertThat(owner.statusCode())
                        .as(entry.getKey() + " as an owner")
                        .isIn(403, 404);
            }
        }
        softly.assertAll();
    }

    @Test
    void anotherTenantsObjectIsNotFoundExactlyLikeAMissingOne() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (var entry : EXPECTATIONS.entrySet()) {
            Expectation expectation = entry.getValue();
            if (expectation.objectFixture() == null) {
                continue;
            }
            String own = ownCaller(expectation, TENANT_A, "demo");
            String id = expectation.objectFixture().apply(own);
            // the same role (or the same owner id) in tenant B
            assertNotFoundLikeMissing(
                    softly,
                    entry.getKey(),
                    "by another tenant",
                    expectation,
                    id,
                    own,
                    ownCaller(expectation, TENANT_B, "acme"));
        }
        softly.assertAll();
    }

    @Test
    void anotherOwnersObjectIsNotFoundExactlyLikeAMissingOne() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (var entry : EXPECTATIONS.entrySet()) {
            Expectation expectation = entry.getValue();
            if (!expectation.owners() || expectation.objectFixture() == null) {
                continue;
            }
            String own = tokens.owner(TENANT_A, "demo", OWNER_A);
            String id = expectation.objectFixture().apply(own);
            assertNotFoundLikeMissing(
                    softly,
                    entry.getKey(),
                    "by another owner of the tenant",
                    expectation,
                    id,
                    own,
                    tokens.owner(TENANT_A, "demo", OWNER_B));
            checked++;
        }
        softly.assertAll();
        assertThat(checked).as("owner object routes checked").isPositive();
    }

    @Test
    void anotherProjectsObjectIsNotFoundExactlyLikeAMissingOne() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (var entry : EXPECTATIONS.entrySet()) {
            Expectation expectation = entry.getValue();
            if (expectation.owners()
                    || expectation.objectFixture() == null
                    || expectation.allowed() == null
                    || TENANT_WIDE_OBJECTS.stream().anyMatch(entry.getKey()::contains)) {
                continue;
            }
            for (String role : expectation.allowed()) {
                if (role.equals(HQ_ADMIN) || expectation.outOfScope().contains(role)) {
                    continue;
                }
                String own = staff(TENANT_A, "demo", role);
                String id = expectation.objectFixture().apply(own);
                assertNotFoundLikeMissing(
                        softly,
                        entry.getKey(),
                        "as " + role + " of another project",
                        expectation,
                        id,
                        own,
                        tokens.staffIn(TENANT_A, "demo", List.of(UUID.randomUUID()), role));
                checked++;
            }
        }
        softly.assertAll();
        assertThat(checked).as("project-scoped object routes checked").isPositive();
    }

    /**
     * {@code outsider} on the object {@code id} gets a 404 word for word like the one for a random id
     * (but for the id itself: nothing leaks from the object), while {@code insider} reaches it.
     */
    private static void assertNotFoundLikeMissing(
            SoftAssertions softly,
            String route,
            String who,
            Expectation expectation,
            String id,
            String insider,
            String outsider)
            throws Exception {
        HttpResponse<String> own = call(route, expectation, id, insider);
        HttpResponse<String> foreign = call(route, expectation, id, outsider);
        HttpResponse<String> missing =
                call(route, expectation, UUID.randomUUID().toString(), outsider);

        softly.assertThat(own.statusCode()).as(route + " by its own caller").isBetween(200, 299);
        softly.assertThat(foreign.statusCode()).as(route + " " + who).isEqualTo(404);
        softly.assertThat(problemShape(foreign)).as(route + " " + who).isEqualTo(problemShape(missing));
        String missingId =
                missing.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
        String foreignBody = foreign.body();
        for (String part : id.split("\\|")) {
            foreignBody = foreignBody.replace(part, "ID");
        }
        softly.assertThat(foreignBody).as(route + " " + who).isEqualTo(missingId);
    }

    /**
     * A staff token as user-service would issue it: HQ admins tenant-wide, anyone else scoped to {@link
     * #PROJECT} and the registry's {@link #matrixProject}.
     */
    private static String staff(UUID tenant, String code, String role) {
        return role.equals(HQ_ADMIN)
                ? tokens.staff(tenant, code, role)
                : tokens.staffIn(tenant, code, List.of(PROJECT, UUID.fromString(matrixProject())), role);
    }

    /** A caller the route's object fixture may act for: owner A on owner routes, else an allowed role. */
    private static String ownCaller(Expectation expectation, UUID tenant, String code) {
        return expectation.owners()
                ? tokens.owner(tenant, code, OWNER_A)
                : staff(tenant, code, expectation.allowed().iterator().next());
    }

    private static String ticketInProject(String description) {
        return "{\"kind\":\"REPAIR\",\"projectId\":\"" + PROJECT + "\",\"description\":\"" + description + "\"}";
    }

    /** METHOD + path template of every /api operation the services document and the gateway routes. */
    private static Set<String> exposedRoutes() throws Exception {
        String gatewayConfig = Files.readString(Path.of(System.getProperty("pms.e2e.root", ".."))
                .resolve("gateway-service/src/main/resources/application.yml"));
        List<String> routed = new ArrayList<>();
        Matcher routes = GATEWAY_ROUTE.matcher(gatewayConfig);
        while (routes.find()) {
            if (!routes.group(1).endsWith("-api-docs")) {
                routed.addAll(List.of(routes.group(2).trim().split(",")));
            }
        }
        assertThat(routed).as("gateway routes read from its configuration").isNotEmpty();
        Set<String> exposed = new TreeSet<>();
        for (String service : SERVICES) {
            HttpResponse<String> docs = HTTP.send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v3/api-docs/" + service))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).as(service + " OpenAPI document").isEqualTo(200);
            JsonNode paths = PlatformClient.JSON.readTree(docs.body()).path("paths");
            for (String path : paths.propertyNames()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (String method : paths.path(path).propertyNames()) {
                    String route = method.toUpperCase() + " " + path;
                    assertThat(routed.stream().anyMatch(pattern -> matches(pattern, path)))
                            .as(route + " is documented but the gateway does not route it")
                            .isTrue();
                    exposed.add(route);
                }
            }
        }
        return exposed;
    }

    private static boolean matches(String gatewayPattern, String path) {
        if (gatewayPattern.endsWith("/**")) {
            String prefix = gatewayPattern.substring(0, gatewayPattern.length() - 3);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return gatewayPattern.equals(path);
    }

    private static HttpResponse<String> call(String route, Expectation expectation, String id, String token)
            throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = withIds(route.substring(route.indexOf(' ') + 1), id == null ? "x" : id);
        // %p in a query names the matrix project, as in bodies
        String query = expectation.query().contains("%p")
                ? expectation.query().replace("%p", matrixProject())
                : expectation.query();
        String url = platform.gatewayUrl() + path + (query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String body = expectation.body() == null
                ? ""
                : expectation
                        .body()
                        .replace("%s", UUID.randomUUID().toString().substring(0, 8))
                        .replace("%d", randomDigits())
                        .replace("%p", expectation.body().contains("%p") ? matrixProject() : "")
                        .replace("%b", expectation.body().contains("%b") ? matrixBuilding() : "")
                        .replace("%o", expectation.body().contains("%o") ? knownPerson() : "")
                        .replace("%v", randomPlate())
                        .replace("%u", expectation.body().contains("%u") ? matrixHeldUnit() : "")
                        .replace("%a", expectation.body().contains("%a") ? OWNER_A.toString() : "");
        if (body.startsWith(UPLOAD_CSV)) {
            String boundary = "matrix-" + UUID.randomUUID();
            return HTTP.send(
                    request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .method(method, multipartCsv(boundary, body.substring(UPLOAD_CSV.length())))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        request.header("Content-Type", "application/json")
                .method(
                        method,
                        body.isEmpty() && method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The path with its {@code {…}} placeholders filled in order from {@code id}: one id fills them
     * all, a nested route's fixture names {@code "parent|child"}.
     */
    private static String withIds(String template, String id) {
        String[] ids = id.split("\\|");
        Matcher placeholders = Pattern.compile("\\{[^}]+}").matcher(template);
        StringBuilder path = new StringBuilder();
        int next = 0;
        while (placeholders.find()) {
            placeholders.appendReplacement(path, ids[Math.min(next++, ids.length - 1)]);
        }
        placeholders.appendTail(path);
        return path.toString();
    }

    private static Set<String> problemShape(HttpResponse<String> response) {
        return new TreeSet<>(PlatformClient.JSON.readTree(response.body()).propertyNames());
    }

    private static String newTicket(String token) {
        return create("/api/v1/work-orders", token, ticketInProject("matrix fixture"));
    }

    private static String unitIn(String number) {
        return "{\"buildingId\":\"%b\",\"number\":\"" + number + "\",\"floor\":1,\"type\":\"OFFICE\",\"grossArea\":50}";
    }

    /** Tenant A's HQ admin: registry fixtures are created by HQ, whichever role then acts on them. */
    /** A one-shot action on the route's object: each allowed caller needs an object of its own. */
    private static boolean oneShot(String route) {
        return route.startsWith("DELETE ") || route.endsWith("/commit");
    }

    private static HttpRequest.BodyPublisher multipartCsv(String boundary, String csv) {
        return HttpRequest.BodyPublishers.ofString(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n",
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A buildings+units file of one unit in a building of this code (the import template's columns). */
    private static String unitsCsv(String buildingCode) {
        return "楼栋编号 Building code,楼栋名称 Building name,地上层数 Floors above,地下层数 Floors below,"
                + "电梯数 Elevators,房号 Unit number,楼层 Floor,单元 Entrance,房屋类型 Unit type,建筑面积 Gross area,"
                + "套内面积 Inner area,房屋状态 Status,交付日期 Handover date\r\n"
                + buildingCode + ",Matrix,3,0,0,101,1,,OFFICE,50,,VACANT,\r\n";
    }

    /** An opening-balances file of one balance of this unit of the matrix building (its code is "matrix"). */
    private static String balancesCsv(String unitNumber) {
        return "楼栋编号 Building code,房号 Unit number,收费项目 Fee item,所属月份 Period,欠费金额 Amount owed,"
                + "滞纳金 Late fee,备注 Note\r\n"
                + "matrix," + unitNumber + ",物业费,2024-05,100.00,,\r\n";
    }

    /** A validated opening-balances import of one balance of a new unit, uploaded by HQ of tenant A. */
    private static String newBalanceImport() {
        String number = "f-" + UUID.randomUUID().toString().substring(0, 8);
        create("/api/v1/units", hqOfA(), unitIn(number).replace("%b", matrixBuilding()));
        return uploaded("/api/v1/opening-balances/imports", balancesCsv(number));
    }

    /** A recorded opening balance of a new unit of the matrix project: imported and committed by HQ of A. */
    private static String newOpeningBalance() {
        String number = "f-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = create("/api/v1/units", hqOfA(), unitIn(number).replace("%b", matrixBuilding()));
        String imported = uploaded("/api/v1/opening-balances/imports", balancesCsv(number));
        sentByHqOfA("POST", "/api/v1/opening-balances/imports/" + imported + "/commit");
        return sentByHqOfA("GET", "/api/v1/opening-balances?unitId=" + unit)
                .path("content")
                .get(0)
                .path("id")
                .asString();
    }

    /** A request without a body by tenant A's HQ admin that must answer 200; its JSON body. */
    private static JsonNode sentByHqOfA(String method, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                            .header("Authorization", "Bearer " + hqOfA())
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return PlatformClient.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The import routes every sheet shares under its base path (see asset-service's
     * SheetImportController), and the sheet's export; {@code csv} makes a one-row file of the sheet
     * from a key unique to the call.
     */
    private static void importRoutes(String base, Function<String, String> csv, Set<String> importers) {
        importRoutes(base, csv, importers, () -> newImport(base, csv));
    }

    /** As above, with the importers' own import made by {@code ownImport} (a sheet whose rows need setup). */
    private static void importRoutes(
            String base, Function<String, String> csv, Set<String> importers, Supplier<String> newImport) {
        Expectation ownImport = Expectation.roles(importers).object(token -> newImport.get());
        EXPECTATIONS.put("GET " + base + "/imports/template", Expectation.roles(importers));
        EXPECTATIONS.put(
                "POST " + base + "/imports",
                Expectation.roles(importers).query("projectId=%p").body(UPLOAD_CSV + csv.apply("m-%s")));
        EXPECTATIONS.put("GET " + base + "/imports/{id}", ownImport);
        EXPECTATIONS.put("GET " + base + "/imports/{id}/problems", ownImport);
        EXPECTATIONS.put("GET " + base + "/imports/{id}/report", ownImport);
        EXPECTATIONS.put("POST " + base + "/imports/{id}/commit", ownImport);
    }

    /** An owners file of one new owner (a fresh phone) of the matrix building's unit numbered by the key. */
    private static String ownersCsv(String key) {
        return "楼栋编号 Building code,房号 Unit number,姓名 Name,手机号 Mobile phone,身份证号 ID number,身份 Role,"
                + "主缴费人 Primary payer,入住日期 Move-in date\r\n"
                + "matrix," + key + ",矩阵,139" + randomDigits() + ",,OWNER,Y,\r\n";
    }

    /** A validated owners import of a new owner of a new unit of the matrix building, uploaded by HQ of A. */
    private static String newOwnersImport() {
        String number = "o-" + UUID.randomUUID().toString().substring(0, 8);
        create("/api/v1/units", hqOfA(), unitIn(number).replace("%b", matrixBuilding()));
        return uploaded("/api/v1/occupants/imports", ownersCsv(number));
    }

    /** A parking file of one visitor space numbered by the key (the import template's columns). */
    private static String parkingCsv(String key) {
        return "区域 Zone,车位号 Space number,车位类型 Type,车位状态 Status,楼栋编号 Building code,房号 Unit number\r\n" + "matrix," + key
                + ",VISITOR,,,\r\n";
    }

    /** An equipment file of one camera with the key as its ledger number (the import template's columns). */
    private static String equipmentCsv(String key) {
        return "设备编号 Code,设备类别 Category,设备名称 Name,品牌 Brand,型号 Model,出厂编号 Serial number,"
                + "楼栋编号 Building code,楼层 Floor,安装位置 Location,安装日期 Install date,保修截止 Warranty end,"
                + "设备状态 Status,保养周期(天) Maintenance cycle (days)\r\n"
                + key + ",CCTV,Matrix camera,,,,,,,,,,\r\n";
    }

    /** A validated import of a sheet (by its base path) into the matrix project, uploaded by HQ of tenant A. */
    private static String newImport(String base, Function<String, String> csv) {
        return uploaded(
                base + "/imports", csv.apply("i-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** Uploads a CSV file as HQ of tenant A into the matrix project (a dry run) and returns the import's id. */
    private static String uploaded(String importsPath, String csv) {
        try {
            String boundary = "matrix-" + UUID.randomUUID();
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(platform.gatewayUrl() + importsPath + "?projectId=" + matrixProject()))
                            .header("Authorization", "Bearer " + hqOfA())
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(multipartCsv(boundary, csv))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return PlatformClient.JSON.readTree(response.body()).path("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hqOfA() {
        return tokens.staff(TENANT_A, "demo", HQ_ADMIN);
    }

    private static synchronized String matrixProject() {
        if (matrixProject == null) {
            matrixProject = newProject();
        }
        return matrixProject;
    }

    private static synchronized String matrixBuilding() {
        if (matrixBuilding == null) {
            matrixBuilding = create(
                    "/api/v1/buildings",
                    hqOfA(),
                    "{\"projectId\":\"" + matrixProject()
                            + "\",\"code\":\"matrix\",\"name\":\"Matrix\",\"floorsAbove\":3}");
        }
        return matrixBuilding;
    }

    private static String newProject() {
        String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
        return create(
                "/api/v1/projects", hqOfA(), "{\"code\":\"" + code + "\",\"name\":\"Fixture\",\"type\":\"OFFICE\"}");
    }

    private static String newRegion() {
        return create(
                "/api/v1/projects/regions",
                hqOfA(),
                "{\"name\":\"fixture-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
    }

    /** A building of the matrix project, so that every scoped token of the matrix reaches it. */
    private static String newBuilding() {
        return create(
                "/api/v1/buildings",
                hqOfA(),
                "{\"projectId\":\"" + matrixProject() + "\",\"code\":\"f-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Fixture\",\"floorsAbove\":3}");
    }

    private static String newUnit() {
        String number = "f-" + UUID.randomUUID().toString().substring(0, 8);
        return create("/api/v1/units", hqOfA(), unitIn(number).replace("%b", matrixBuilding()));
    }

    /** A unit of the matrix building held by owner A, for filings staff make on A's behalf. */
    private static String matrixHeldUnit;

    private static synchronized String matrixHeldUnit() {
        if (matrixHeldUnit == null) {
            matrixHeldUnit = newHeldUnit();
        }
        return matrixHeldUnit;
    }

    /** A new unit that owner A holds. */
    private static String newHeldUnit() {
        String unit = newUnit();
        link(unit, OWNER_A);
        return unit;
    }

    /** "unit|occupancy": a stay of a new person in a new unit. */
    private static String newOccupancy() {
        String unit = newUnit();
        return unit + "|" + link(unit, UUID.fromString(knownPerson()));
    }

    /** "unit|vehicle". */
    private static String newVehicle() {
        String unit = newUnit();
        return unit + "|"
                + create("/api/v1/units/" + unit + "/vehicles", hqOfA(), "{\"plate\":\"" + randomPlate() + "\"}");
    }

    private static String newParkingSpace() {
        return create(
                "/api/v1/parking-spaces",
                hqOfA(),
                "{\"projectId\":\"" + matrixProject() + "\",\"zone\":\"f\",\"number\":\"f-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"type\":\"VISITOR\"}");
    }

    /** A submitted filing of owner A for a unit they hold, filed in the owners' app. */
    private static String newRenovation() {
        return newOwnRenovation(tokens.owner(TENANT_A, "demo", OWNER_A)).split("\\|")[1];
    }

    /** "unit|renovation", filed by the given owner token (owner A's). */
    private static String newOwnRenovation(String ownerToken) {
        String unit = newHeldUnit();
        return unit + "|" + create("/api/v1/app/units/" + unit + "/renovations", ownerToken, filing(null, null));
    }

    private static String approved(String renovation) {
        sentByHqOfA("POST", "/api/v1/renovations/" + renovation + "/approve");
        return renovation;
    }

    /** An item of the matrix project (a camera: an elevator would bring a plan along). */
    private static String newEquipment() {
        return create("/api/v1/equipment", hqOfA(), equipmentJson());
    }

    /** The QR code of a new item of the matrix project, what by-code routes name. */
    private static String newEquipmentCode() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/equipment"))
                            .header("Authorization", "Bearer " + hqOfA())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(equipmentJson()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return PlatformClient.JSON.readTree(response.body()).path("qrCode").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A filing's body; staff name the unit and the applicant, owners file for the unit in the path. */
    private static String filing(String unit, String applicant) {
        String whose = unit == null ? "" : "\"unitId\":\"" + unit + "\",\"applicantId\":\"" + applicant + "\",";
        return "{" + whose + "\"contractorName\":\"Matrix\",\"startsOn\":\"2026-12-01\",\"endsOn\":\"2026-12-31\","
                + "\"deposit\":{\"amount\":\"0\",\"currency\":\"CNY\"}}";
    }

    /**
     * A new owner of tenant A that asset-service knows: created in user-service, then linked to a
     * scratch unit once its event has reached asset-service's person projection.
     */
    private static String knownPerson() {
        String person = newOwner(hqOfA());
        link(newUnit(), UUID.fromString(person));
        return person;
    }

    /** Links the person to the unit, waiting for asset-service to know them (the event is asynchronous). */
    private static String link(String unit, UUID person) {
        String body = "{\"personId\":\"" + person + "\",\"role\":\"OWNER\",\"moveIn\":\"2025-07-01\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (true) {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(platform.gatewayUrl() + "/api/v1/units/" + unit + "/occupants"))
                                .header("Authorization", "Bearer " + hqOfA())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean unknownYet =
                        response.statusCode() == 422 && response.body().contains("occupancy.person-not-found");
                if (!unknownYet || System.nanoTime() > deadline) {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    return PlatformClient.JSON
                            .readTree(response.body())
                            .path("id")
                            .asString();
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plate no earlier call used (in practice): 粤B and five of the 34 characters plates use. */
    private static String randomPlate() {
        String characters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder plate = new StringBuilder("粤B");
        for (int i = 0; i < 5; i++) {
            plate.append(characters.charAt(
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(characters.length())));
        }
        return plate.toString();
    }

    private static String equipmentJson() {
        return "{\"projectId\":\"" + matrixProject() + "\",\"category\":\"CCTV\",\"name\":\"f-"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}";
    }

    private static String planIn(String name) {
        return "{\"projectId\":\"%p\",\"category\":\"WATER_PUMP\",\"name\":\"" + name
                + "\",\"skill\":\"PLUMBING\",\"checklist\":[\"Seals\"],"
                + "\"cycle\":{\"kind\":\"EVERY_N_DAYS\",\"intervalDays\":30}}";
    }

    private static String newPlan() {
        String name = "f-" + UUID.randomUUID().toString().substring(0, 8);
        return create("/api/v1/maintenance-plans", hqOfA(), planIn(name).replace("%p", matrixProject()));
    }

    /** Route names are unique per project; checkpoint codes are issued by the service. */
    private static String routeIn(String name) {
        return "{\"projectId\":\"%p\",\"name\":\"" + name + "\",\"role\":\"SECURITY\","
                + "\"cycle\":{\"kind\":\"TIMES_OF_DAY\",\"timesOfDay\":[\"22:00\"]},"
                + "\"checkpoints\":[{\"location\":\"Gate\"}]}";
    }

    private static String newRoute() {
        String name = "f-" + UUID.randomUUID().toString().substring(0, 8);
        return create("/api/v1/patrol-routes", hqOfA(), routeIn(name).replace("%p", matrixProject()));
    }

    private static String newOwnTicket(String ownerToken) {
        return create(
                "/api/v1/app/work-orders", ownerToken, "{\"kind\":\"REPAIR\",\"description\":\"matrix fixture\"}");
    }

    private static String newOwner(String token) {
        return create("/api/v1/owners", token, "{\"displayName\":\"Fixture\",\"phone\":\"139" + randomDigits() + "\"}");
    }

    /**
     * Eight digits, so that a fixture's phone number is new on every call; from 10000000 up, clear of
     * the demo people's numbers (prefix and a sequence number from 1).
     */
    private static String randomDigits() {
        return Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
    }

    private static String newStaff(String token) {
        String username = "fixture-" + UUID.randomUUID().toString().substring(0, 8);
        return create(
                "/api/v1/staff",
                token,
                "{\"username\":\"" + username + "\",\"displayName\":\"Fixture\",\"roles\":[\"TECHNICIAN\"]}");
    }

    private static String create(String path, String token, String json) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return PlatformClient.JSON.readTree(response.body()).path("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
