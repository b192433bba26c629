package com.propcloud.pms.user.owner;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of {@code /api/v1/owners}; their toString never shows a personal number. */
final class OwnerRequests {

    private OwnerRequests() {}

    record Create(
            @NotBlank @Size(max = 200) String displayName,

            @Schema(description = "Defaults to OWNER") @Nullable
            OwnerCategory category,

            @Schema(example = "13900000001") @NotBlank @Size(max = 20)
            String phone,

            @Schema(description = "Resident ID number (18 characters)") @Nullable @Size(max = 18)
            String idNumber) {
        @Override
        public String toString() {
            return "Create[displayName=" + displayName + ", category=" + category + "]";
        }
    }

    record Change(
            @Nullable @Size(min = 1, max = 200) String displayName,
            @Nullable OwnerCategory category,
            @Nullable @Size(max = 20) String phone,
            @Nullable @Size(max = 18) String idNumber,

            @Schema(description = "true removes the ID number on file") @Nullable
            Boolean removeIdNumber) {
        @Override
        public String toString() {
            return "Change[displayName=" + displayName + ", category=" + category + "]";
        }
    }

    record Reveal(@NotNull PersonalField field) {}
}
