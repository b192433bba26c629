package com.propcloud.pms.user.me;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The caller's own password change. */
record PasswordChangeRequest(
        @Schema(
                format = "password",
                description = "Required, except for an owner setting a first password after an SMS-code login")
        @Nullable
        @Size(max = 128)
        String currentPassword,

        @Schema(format = "password") @NotEmpty @Size(max = 128)
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[]";
    }
}
