package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The staff management API, each test in a fresh tenant with one HQ admin. */
@UserServiceTest
class StaffApiIT {

    static final String STAFF = "/api/v1/staff";

    @Autowired
    RestTestClient client;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StaffAccounts staff;

    Api api;
    TenantRef tenant;
    UUID adminId;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        tenant = TestTenants.register(tenants, "staff");
        adminId = TestTenants.open(staff, tenant, "boss", StaffRole.HQ_ADMIN).id();
        admin = api.accessToken(tenant.code(), "boss", TestTenants.PASSWORD);
    }

    private Api.Json create(Map<String, Object> body) {
        var result = api.post(STAFF, body, admin);
        assertThat(result.getStatus()).as("%s", result.getResponseBody()).isEqualTo(HttpStatus.CREATED);
        return result.getResponseBody();
    }

    private static Map<String, Object> account(String username, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Person " + username);
        body.put("roles", List.of(roles));
        return body;
    }

    private static String path(Object id) {
        return STAFF + "/" + id;
    }

    @Nested
    class Create {

        @Test
        void opensAnAccountWithAGeneratedOneTimePasswordThatLogsInAndMustBeChanged() throws Exception {
            Map<String, Object> body = account("tech9", "TECHNICIAN");
            body.put("skills", List.of("PLUMBING", "HVAC"));
            body.put("onDuty", true);

            Api.Json created = create(body);

            assertThat(created)
                    .containsEntry("username", "tech9")
                    .containsEntry("roles", List.of("TECHNICIAN"))
                    .containsEntry("skills", List.of("PLUMBING", "HVAC"))
                    .containsEntry("onDuty", true)
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("mustChangePassword", true)
                    .containsKeys("id", "createdAt", "updatedAt", "oneTimePassword");
            var login = api.login(tenant.code(), "tech9", created.string("oneTimePassword"));
            assertThat(login.getStatus()).isEqualTo(HttpStatus.OK);
            var claims = SignedJWT.parse(login.getResponseBody().string("accessToken"))
                    .getJWTClaimsSet();
            assertThat(claims.getBooleanClaim("must_change_password")).isTrue();
            assertThat(claims.getStringListClaim("projects")).isEmpty();
            var shown = api.get(path(created.get("id")), admin).getResponseBody();
            assertThat(shown).doesNotContainKey("oneTimePassword").doesNotContainKey("passwordHash");
        }

        @Test
        void projectScopedStaffCarryTheirProjectsInTheToken() throws Exception {
            UUID project = UUID.randomUUID();
            Map<String, Object> body = account("pm2", "PROJECT_MANAGER");
            body.put("projects", List.of(project));
            body.put("password", "Quite#Long2026");
            create(body);

            var claims = SignedJWT.parse(api.accessToken(tenant.code(), "pm2", "Quite#Long2026"))
                    .getJWTClaimsSet();

            assertThat(claims.getStringListClaim("projects")).containsExactly(project.toString());
            assertThat(claims.getStringListClaim("roles")).containsExactly("PROJECT_MANAGER");
        }

        @Test
        void invalidFieldsAreListed() {
            var result = api.post(
                    STAFF,
                    Map.of("username", "x", "displayName", " ", "roles", List.of("KING"), "skills", List.of("MAGIC")),
                    admin);

            assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponseBody()).containsEntry("code", "validation-failed");
            assertThat(Api.errorFields(result.getResponseBody()))
                    .containsExactlyInAnyOrder("username", "displayName", "roles[0]", "skills[0]");
        }

        @Test
        void missingRolesAndAWeakPasswordAreValidationErrors() {
            var noRoles = api.post(STAFF, Map.of("username", "someone", "displayName", "Some One"), admin);
            Map<String, Object> weak = account("someone", "FINANCE");
            weak.put("password", "short");
            var weakPassword = api.post(STAFF, weak, admin);

            assertThat(Api.errorFields(noRoles.getResponseBody())).containsExactly("roles");
            assertThat(Api.errorFields(weakPassword.getResponseBody())).containsExactly("password");
        }

        @Test
        void platformRolesSkillsOfNonTechniciansAndProjectsOfHqAdminsAreRefused() {
            var operator = api.post(STAFF, account("op", "PLATFORM_OPERATOR"), admin);
            Map<String, Object> skilledGuard = account("guard2", "SECURITY");
            skilledGuard.put("skills", List.of("CIVIL"));
            Map<String, Object> scopedAdmin = account("admin2", "HQ_ADMIN");
            scopedAdmin.put("projects", List.of(UUID.randomUUID()));

            assertThat(Api.errorFields(operator.getResponseBody())).containsExactly("roles[0]");
            assertThat(Api.errorFields(api.post(STAFF, skilledGuard, admin).getResponseBody()))
                    .containsExactly("skills");
            assertThat(Api.errorFields(api.post(STAFF, scopedAdmin, admin).getResponseBody()))
                    .containsExactly("projects");
        }

        @Test
        void usernamesAreUniquePerTenantRegardlessOfCase() {
            create(account("desk2", "FRONT_DESK"));

            var again = api.post(STAFF, account("DESK2", "FRONT_DESK"), admin);

            assertThat(again.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getResponseBody()).containsEntry("code", "staff.username-taken");
        }
    }

    @Nested
    class ListAndRead {

        @Test
        void listsThePageShapeWithFilters() {
            Map<String, Object> plumber = account("t-a", "TECHNICIAN");
            plumber.put("skills", List.of("PLUMBING"));
            Map<String, Object> electrician = account("t-b", "TECHNICIAN");
            electrician.put("skills", List.of("ELECTRICAL"));
            create(plumber);
            create(electrician);
            Object disabled = create(account("t-c", "TECHNICIAN")).get("id");
            api.post(path(disabled) + "/disable", Map.of(), admin);

            var technicians = api.get(STAFF + "?role=TECHNICIAN&size=2&sort=username,desc", admin)
                    .getResponseBody();
            var plumbers = api.get(STAFF + "?skill=plumbing", admin).getResponseBody();
            var inactive = api.get(STAFF + "?status=DISABLED", admin).getResponseBody();

            assertThat(technicians)
                    .containsOnlyKeys("content", "page", "size", "totalElements", "totalPages")
                    .containsEntry("totalElements", 3)
                    .containsEntry("totalPages", 2)
                    .containsEntry("size", 2);
            assertThat(usernames(technicians)).containsExactly("t-c", "t-b");
            assertThat(usernames(plumbers)).containsExactly("t-a");
            assertThat(usernames(inactive)).containsExactly("t-c");
        }

        @Test
        void unknownFilterValuesAndSortFieldsAreValidationErrors() {
            var role = api.get(STAFF + "?role=PLATFORM_OPERATOR", admin);
            var sort = api.get(STAFF + "?sort=passwordHash", admin);

            assertThat(Api.errorFields(role.getResponseBody())).containsExactly("role");
            assertThat(Api.errorFields(sort.getResponseBody())).containsExactly("sort");
        }

        @SuppressWarnings("unchecked")
        private static List<Object> usernames(Api.Json page) {
            return ((List<Map<String, Object>>) page.get("content"))
                    .stream().map(row -> row.get("username")).toList();
        }

        @Test
        void anotherTenantsIdAnswers404ExactlyLikeAMissingOne() throws Exception {
            String acmeAdminId = SignedJWT.parse(api.accessToken("acme", "admin", Api.DEMO_PASSWORD))
                    .getJWTClaimsSet()
                    .getSubject();
            UUID missing = UUID.randomUUID();

            var foreign = api.get(path(acmeAdminId), admin);
            var absent = api.get(path(missing), admin);
            var foreignDisable = api.post(path(acmeAdminId) + "/disable", Map.of(), admin);

            assertThat(foreign.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(foreignDisable.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(absent.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(foreign.getResponseBody().keySet())
                    .isEqualTo(absent.getResponseBody().keySet());
            assertThat(normalized(foreign.getResponseBody(), acmeAdminId))
                    .isEqualTo(normalized(absent.getResponseBody(), missing.toString()));
        }

        private static Map<String, Object> normalized(Api.Json problem, String id) {
            Map<String, Object> copy = new HashMap<>(problem);
            copy.replaceAll((key, value) -> value instanceof String s ? s.replace(id, "{id}") : value);
            return copy;
        }

        @Test
        void operatorsOfThePlatformAreNotStaffOfAnyTenant() throws Exception {
            String operatorId = SignedJWT.parse(api.accessToken("platform", "operator", Api.DEMO_PASSWORD))
                    .getJWTClaimsSet()
                    .getSubject();

            assertThat(api.get(path(operatorId), admin).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Nested
    class Access {

        @Test
        void staffWithoutHqAdminAreForbidden() {
            TestTenants.open(staff, tenant, "clerk", StaffRole.FRONT_DESK);
            String clerk = api.accessToken(tenant.code(), "clerk", TestTenants.PASSWORD);

            var list = api.get(STAFF, clerk);
            var create = api.post(STAFF, account("sneaky", "HQ_ADMIN"), clerk);
            var disable = api.post(path(adminId) + "/disable", Map.of(), clerk);

            assertThat(List.of(list, create, disable)).allSatisfy(result -> {
                assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(result.getResponseBody()).containsEntry("code", "auth.forbidden");
            });
        }

        @Test
        void withoutATokenTheApiAnswers401() {
            assertThat(api.get(STAFF, null).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void patchChangesOnlyWhatItNames() {
            Map<String, Object> body = account("t1", "TECHNICIAN");
            body.put("skills", List.of("GENERAL"));
            Object id = create(body).get("id");
            UUID project = UUID.randomUUID();

            var patched = api.patch(
                    path(id), Map.of("displayName", "Renamed", "projects", List.of(project), "onDuty", true), admin);

            assertThat(patched.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(patched.getResponseBody())
                    .containsEntry("displayName", "Renamed")
                    .containsEntry("projects", List.of(project.toString()))
                    .containsEntry("skills", List.of("GENERAL"))
                    .containsEntry("roles", List.of("TECHNICIAN"))
                    .containsEntry("onDuty", true);
        }

        @Test
        void disabledAccountsCannotLogInNorRefreshUntilEnabled() {
            Map<String, Object> body = account("fin", "FINANCE");
            body.put("password", "Money#Matters1");
            Object id = create(body).get("id");
            Object refresh = api.login(tenant.code(), "fin", "Money#Matters1")
                    .getResponseBody()
                    .get("refreshToken");

            var disabled = api.post(path(id) + "/disable", Map.of(), admin);

            assertThat(disabled.getResponseBody()).containsEntry("status", "DISABLED");
            assertThat(api.login(tenant.code(), "fin", "Money#Matters1").getStatus())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(api.refresh(refresh).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            api.post(path(id) + "/enable", Map.of(), admin);
            assertThat(api.login(tenant.code(), "fin", "Money#Matters1").getStatus())
                    .isEqualTo(HttpStatus.OK);
        }

        @Test
        void deletedAccountsVanishAndFreeTheirUsername() {
            Map<String, Object> body = account("leaver", "SECURITY");
            body.put("password", "Gone#Tomorrow1");
            Object id = create(body).get("id");

            var deleted = api.delete(path(id), admin);

            assertThat(deleted.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(api.get(path(id), admin).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.login(tenant.code(), "leaver", "Gone#Tomorrow1").getStatus())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(create(account("leaver", "SECURITY")).get("id")).isNotEqualTo(id);
        }

        @Test
        void forcedResetReplacesThePasswordAndEndsTheSessions() throws Exception {
            Map<String, Object> body = account("forgetful", "FRONT_DESK");
            body.put("password", "Initial#Pass1");
            Object id = create(body).get("id");
            Object refresh = api.login(tenant.code(), "forgetful", "Initial#Pass1")
                    .getResponseBody()
                    .get("refreshToken");

            var reset = api.post(path(id) + "/force-password-reset", Map.of(), admin);

            assertThat(reset.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(reset.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
            assertThat(reset.getResponseBody()).containsEntry("mustChangePassword", true);
            assertThat(api.refresh(refresh).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(api.login(tenant.code(), "forgetful", "Initial#Pass1").getStatus())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            String token = api.accessToken(
                    tenant.code(), "forgetful", reset.getResponseBody().string("oneTimePassword"));
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getBooleanClaim("must_change_password"))
                    .isTrue();
        }
    }

    @Nested
    class AdminProtection {

        @Test
        void anAdminCannotDisableOrDeleteThemself() {
            var disable = api.post(path(adminId) + "/disable", Map.of(), admin);
            var delete = api.delete(path(adminId), admin);

            assertThat(List.of(disable, delete)).allSatisfy(result -> {
                assertThat(result.getStatus()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(result.getResponseBody()).containsEntry("code", "staff.self-change");
            });
        }

        @Test
        void theLastActiveAdminKeepsTheRole() {
            var demoteSelf = api.patch(path(adminId), Map.of("roles", List.of("FINANCE")), admin);
            assertThat(demoteSelf.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(demoteSelf.getResponseBody()).containsEntry("code", "staff.last-admin");

            Object second = create(account("boss2", "HQ_ADMIN")).get("id");
            api.post(path(second) + "/disable", Map.of(), admin);
            assertThat(api.patch(path(adminId), Map.of("roles", List.of("FINANCE")), admin)
                            .getStatus())
                    .as("a disabled admin does not count")
                    .isEqualTo(HttpStatus.CONFLICT);

            api.post(path(second) + "/enable", Map.of(), admin);
            var demoted = api.patch(path(adminId), Map.of("roles", List.of("FINANCE")), admin);
            assertThat(demoted.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(demoted.getResponseBody()).containsEntry("roles", List.of("FINANCE"));
        }
    }
}
