package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Other services read the tenant's people here ({@link InternalOwners}): the changes since a point in
 * time, in the shape of the {@code user.owner.*} events, and the people holding given phones. Internal
 * like {@link OwnerBatchController}: the gateway never routes {@code /internal/**}, only service tokens
 * may call, and the tenant comes from the path.
 */
@RestController
class InternalOwnerController {

    private final InternalOwners owners;

    InternalOwnerController(InternalOwners owners) {
        this.owners = owners;
    }

    /** {@code {"owners":[OwnerChangedV1…],"next":{"updatedSince","after"}}}; {@code next} null on the last page. */
    record Listing(List<OwnerChangedV1> owners, InternalOwners.@Nullable Cursor next) {}

    /** {@code {"phones":["139…",…]}}, 1 to 100 numbers as typed. */
    record LookupRequest(@Nullable List<String> phones) {}

    /** {@code {"owners":[{"index","phone","ownerId"}]}}, the phones masked; an unknown phone is absent. */
    record LookupResponse(List<InternalOwners.Match> owners) {}

    @GetMapping("/internal/v1/tenants/{tenantId}/owners")
    ResponseEntity<Listing> changed(
            @PathVariable UUID tenantId,
            @RequestParam(required = false) @Nullable Instant updatedSince,
            @RequestParam(required = false) @Nullable UUID after,
            @RequestParam(required = false) @Nullable Integer size) {
        CurrentUser.requireService();
        InternalOwners.Changes changes = owners.changed(tenantId, updatedSince, after, size);
        List<OwnerChangedV1> people =
                changes.people().stream().map(OwnerChangedV1::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Listing(people, changes.next()));
    }

    @PostMapping("/internal/v1/tenants/{tenantId}/owners/lookup")
    ResponseEntity<LookupResponse> lookup(@PathVariable UUID tenantId, @RequestBody LookupRequest request) {
        CurrentUser.requireService();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new LookupResponse(owners.lookup(tenantId, request.phones())));
    }
}
