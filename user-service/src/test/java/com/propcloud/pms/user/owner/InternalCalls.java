package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.Api;
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The internal owners routes as another service calls them: with a service token obtained by client
 * credentials, as asset-service does; and what the tests need around them (fresh tenants, a person's
 * token that must be refused).
 */
final class InternalCalls {

    private static final String SERVICE_SECRET = "pms-service-local";

    private final RestTestClient client;
    private final TenantDirectory tenants;
    private final StaffAccounts staff;
    private final Api api;
    private String serviceToken;

    InternalCalls(RestTestClient client, TenantDirectory tenants, StaffAccounts staff) {
        this.client = client;
        this.tenants = tenants;
        this.staff = staff;
        this.api = new Api(client);
    }

    Api api() {
        return api;
    }

    EntityExchangeResult<Api.Json> get(String path) {
        return api.get(path, serviceToken());
    }

    EntityExchangeResult<Api.Json> post(String path, Object body) {
        return api.post(path, body, serviceToken());
    }

    TenantRef newTenant(String name) {
        return tenants.registerIfAbsent("ob-" + UUID.randomUUID().toString().substring(0, 8), name);
    }

    /** A front-desk member's token of {@code in}: a person's, which internal routes refuse. */
    String staffToken(TenantRef in) {
        String password = "Fresh#Tenant2026";
        TenantContext.callAs(
                in.id(),
                () -> staff.openIfAbsent(new NewStaffAccount(
                        "desk", "Test desk", StaffKind.STAFF, List.of(StaffRole.FRONT_DESK), password)));
        return api.post("/api/v1/auth/login", Map.of("tenant", in.code(), "username", "desk", "password", password))
                .getResponseBody()
                .string("accessToken");
    }

    /** A service token, as asset-service obtains one: client credentials at user-service's token endpoint. */
    String serviceToken() {
        if (serviceToken == null) {
            String basic = Base64.getEncoder()
                    .encodeToString(("asset-service:" + SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
            serviceToken = client.post()
                    .uri("/internal/oauth2/token")
                    .header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body("grant_type=client_credentials")
                    .exchange()
                    .returnResult(Api.Json.class)
                    .getResponseBody()
                    .string("access_token");
        }
        return serviceToken;
    }
}
