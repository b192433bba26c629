package com.propcloud.pms.asset.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The bodies of the region API. */
final class RegionRequests {

    private RegionRequests() {}

    /** A new region, or a region's new name. */
    record Name(
            @Schema(example = "华东区") @NotBlank @Size(max = 100)
            String name) {}

    record Response(UUID id, String name, Instant createdAt, Instant updatedAt) {

        static Response of(Region region) {
            return new Response(region.id(), region.name(), region.createdAt(), region.updatedAt());
        }
    }
}
