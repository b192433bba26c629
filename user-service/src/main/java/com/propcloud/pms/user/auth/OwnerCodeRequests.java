package com.propcloud.pms.user.auth;

import com.propcloud.pms.user.sms.SmsPurpose;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Bodies of the open SMS-code and password-reset endpoints; toString never shows phone or secret. */
final class OwnerCodeRequests {

    private OwnerCodeRequests() {}

    record CodeRequest(
            @Schema(example = "demo") @NotBlank @Size(max = 63)
            String tenant,

            @Schema(example = "13900000001") @NotBlank @Size(max = 20)
            String phone,

            @Schema(description = "LOGIN (default) or PASSWORD_RESET") @Nullable
            SmsPurpose purpose) {
        @Override
        public String toString() {
            return "CodeRequest[tenant=" + tenant + ", purpose=" + purpose + "]";
        }
    }

    record ResetRequest(
            @Schema(example = "demo") @NotBlank @Size(max = 63)
            String tenant,

            @Schema(example = "13900000001") @NotBlank @Size(max = 20)
            String phone) {
        @Override
        public String toString() {
            return "ResetRequest[tenant=" + tenant + "]";
        }
    }

    record ResetConfirmation(
            @NotBlank @Size(max = 63) String tenant,
            @NotBlank @Size(max = 20) String phone,

            @Schema(description = "The 6-digit code sent by SMS") @NotBlank @Size(max = 16)
            String code,

            @Schema(format = "password") @NotEmpty @Size(max = 128)
            String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[tenant=" + tenant + "]";
        }
    }

    record LogoutRequest(@NotBlank @Size(max = 256) String refreshToken) {
        @Override
        public String toString() {
            return "LogoutRequest[]";
        }
    }
}
