package com.propcloud.pms.user.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A login: staff with {@code username} and {@code password}; owners with {@code phone} and either
 * {@code password} or {@code smsCode} (from {@code POST /api/v1/auth/sms-codes}).
 */
record LoginRequest(
        @Schema(description = "Tenant code", example = "demo") @NotBlank @Size(max = 63)
        String tenant,

        @Schema(description = "Staff only", example = "admin") @Nullable @Size(max = 64)
        String username,

        @Schema(description = "Owners only: mainland mobile number", example = "13900000001") @Nullable @Size(max = 20)
        String phone,

        @Schema(format = "password") @Nullable @Size(max = 128)
        String password,

        @Schema(description = "Owners only, instead of the password: the 6-digit code sent by SMS")
        @Nullable
        @Size(max = 16)
        String smsCode) {

    boolean isOwnerLogin() {
        return phone != null;
    }

    @Override
    public String toString() {
        return "LoginRequest[tenant=" + tenant + (isOwnerLogin() ? ", owner" : ", staff") + "]";
    }
}
