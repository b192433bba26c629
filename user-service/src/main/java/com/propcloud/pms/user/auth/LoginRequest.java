package com.propcloud.pms.user.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A staff login. Owners' phone and SMS-code logins will add their own fields. */
record LoginRequest(
        @Schema(description = "Tenant code", example = "demo") @NotBlank @Size(max = 63)
        String tenant,

        @Schema(example = "admin") @NotBlank @Size(max = 64) String username,

        @Schema(format = "password") @NotEmpty @Size(max = 128)
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[tenant=" + tenant + ", username=" + username + "]";
    }
}
