package com.propcloud.pms.user.tenant;

import com.propcloud.pms.common.security.CurrentUser;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant list other services bootstrap their read models from (then kept current by the {@code
 * user.tenant.*} events). Internal: the gateway never routes {@code /internal/**}, and only service
 * tokens ({@code kind: service}, from {@code POST /internal/oauth2/token}) may read it; a person's
 * token answers 403.
 */
@RestController
class InternalTenantController {

    private final TenantDirectory directory;

    InternalTenantController(TenantDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/internal/v1/tenants")
    ResponseEntity<TenantList> tenants() {
        CurrentUser.requireService();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TenantList(directory.listForServices()));
    }

    /** {@code {"tenants":[{"id","code","name","status","timeZone","updatedAt"}]}}. */
    record TenantList(List<InternalTenantView> tenants) {}
}
