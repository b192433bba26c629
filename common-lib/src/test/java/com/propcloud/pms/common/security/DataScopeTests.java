package com.propcloud.pms.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propcloud.pms.common.security.DataScope.Reach;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

class DataScopeTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID OTHER_PROJECT = UUID.randomUUID();

    @Nested
    class Staff {

        @Test
        void hqAdminSeesTheWholeTenant() {
            DataScope scope = scope("staff", List.of("HQ_ADMIN"), null);
            assertThat(scope.tenantWide()).isTrue();
            assertThat(scope.coversProject(PROJECT)).isTrue();
            assertThat(scope.coversProject(null)).isTrue();
        }

        @Test
        void projectManagerSeesOnlyTheProjectsOfTheToken() {
            DataScope scope = scope("staff", List.of("PROJECT_MANAGER"), List.of(PROJECT.toString()));
            assertThat(scope.reach()).isEqualTo(Reach.PROJECTS);
            assertThat(scope.projects()).containsExactly(PROJECT);
            assertThat(scope.coversProject(PROJECT)).isTrue();
            assertThat(scope.coversProject(OTHER_PROJECT)).isFalse();
        }

        @Test
        void scopedStaffNeverSeeObjectsWithoutAProject() {
            DataScope scope = scope("staff", List.of("FRONT_DESK"), List.of(PROJECT.toString()));
            assertThat(scope.coversProject(null)).isFalse();
        }

        @Test
        void scopedRoleWithoutProjectsClaimSeesNothing() {
            // user-service omits the claim only for HQ roles: missing here must not mean "everything"
            DataScope scope = scope("staff", List.of("PROJECT_MANAGER", "FINANCE"), null);
            assertThat(scope.tenantWide()).isFalse();
            assertThat(scope.projects()).isEmpty();
            assertThat(scope.coversProject(PROJECT)).isFalse();
        }

        @Test
        void hqAdminAmongOtherRolesIsTenantWide() {
            assertThat(scope("staff", List.of("TECHNICIAN", "HQ_ADMIN"), null).tenantWide())
                    .isTrue();
        }

        @Test
        void staffOwnNoOwnersObjects() {
            DataScope scope = scope("staff", List.of("HQ_ADMIN"), null);
            assertThat(scope.owns(USER)).isFalse();
        }

        @Test
        void mayUseStaffRoutesButNotTheOwnersApp() {
            DataScope scope = scope("staff", List.of("FRONT_DESK"), List.of(PROJECT.toString()));
            assertThat(scope.requireStaff()).isSameAs(scope);
            assertThatThrownBy(scope::requireOwner).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class Owner {

        @Test
        void ownerReachesOnlyOwnObjects() {
            DataScope scope = scope("owner", List.of("OWNER"), null);
            assertThat(scope.isOwner()).isTrue();
            assertThat(scope.owns(USER)).isTrue();
            assertThat(scope.owns(UUID.randomUUID())).isFalse();
            assertThat(scope.owns(null)).isFalse();
        }

        @Test
        void ownerHasNoProjectScopeEvenIfTheTokenNamedProjects() {
            DataScope scope = scope("owner", List.of("OWNER"), List.of(PROJECT.toString()));
            assertThat(scope.projects()).isEmpty();
            assertThat(scope.coversProject(PROJECT)).isFalse();
        }

        @Test
        void ownerWithAStaffRoleIsStillAnOwner() {
            DataScope scope = scope("owner", List.of("OWNER", "HQ_ADMIN"), null);
            assertThat(scope.tenantWide()).isFalse();
            assertThatThrownBy(scope::requireStaff).isInstanceOf(AccessDeniedException.class);
            assertThat(scope.requireOwner()).isSameAs(scope);
        }
    }

    @Nested
    class OtherKinds {

        @Test
        void serviceTokenReachesNoTenantData() {
            DataScope scope = scope("service", List.of("SERVICE"), null);
            assertThat(scope.tenantWide()).isFalse();
            assertThat(scope.coversProject(PROJECT)).isFalse();
            assertThat(scope.owns(USER)).isFalse();
        }

        @Test
        void platformOperatorSeesItsWholeTenant() {
            assertThat(scope("operator", List.of("PLATFORM_OPERATOR"), null).tenantWide())
                    .isTrue();
        }

        @Test
        void unknownKindReachesNothing() {
            DataScope scope = scope("robot", List.of("HQ_ADMIN"), null);
            assertThat(scope.tenantWide()).isFalse();
            assertThat(scope.coversProject(PROJECT)).isFalse();
        }
    }

    @Test
    void onlyAProjectScopeNamesProjects() {
        assertThatThrownBy(() -> new DataScope(USER, Reach.TENANT, Set.of(PROJECT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DataScope scope(String kind, List<String> roles, List<String> projects) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(USER.toString())
                .claim("tid", UUID.randomUUID().toString())
                .claim("tenant", "demo")
                .claim("kind", kind)
                .claim("roles", roles)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (projects != null) {
            jwt.claims(claims -> claims.putAll(Map.of("projects", projects)));
        }
        return DataScope.of(CurrentUser.from(jwt.build()));
    }
}
