package com.propcloud.pms.user.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The bodies of the tenant management API (platform operators). */
final class TenantRequests {

    static final String CODE = "\\s*[A-Za-z][A-Za-z0-9-]{1,62}\\s*";
    static final String CODE_MESSAGE =
            "must be 2 to 63 letters, digits or '-', starting with a letter (stored in lower case)";
    /** Mobile or landline as people type it (digits, blanks, dashes, an optional leading '+'); empty clears. */
    static final String PHONE = "|\\s*\\+?[0-9][0-9 -]{5,23}\\s*";

    static final String PHONE_MESSAGE = "must be a phone number: digits, blanks and '-', optionally a leading '+'";

    private TenantRequests() {}

    /** A new tenant; it starts active. Without {@code limits} its plan is unlimited. */
    record Create(
            @Schema(example = "sunrise") @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @Schema(example = "Sunrise Property Management Co.") @NotBlank @Size(max = Tenant.MAX_NAME_LENGTH)
            String name,

            @Schema(example = "Asia/Shanghai", description = "IANA zone id; Asia/Shanghai when absent")
            @Nullable
            @Size(max = 64)
            String timeZone,

            @Schema(example = "Wang Fang") @Nullable @Size(max = 100)
            String contactName,

            @Schema(example = "13812345678") @Nullable @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
            String contactPhone,

            @Schema(example = "it@sunrise.example") @Nullable @Email @Size(max = 254)
            String contactEmail,

            @Nullable @Valid Limits limits) {

        @Override
        public String toString() {
            // records print every component: keep the contact phone out of logs
            return "Create[code=" + code + ", name=" + name + "]";
        }
    }

    /**
     * Changes to a tenant; absent fields stay as they are. A contact field given as an empty string is
     * cleared; {@code limits}, when given, replaces both limits (a null limit is unlimited). The code
     * cannot change: people type it at login, devices carry it in their MQTT topics.
     */
    record Change(
            @Schema(description = "Only the current code is accepted: codes cannot change") @Nullable
            String code,

            @Nullable
            @Size(min = 1, max = Tenant.MAX_NAME_LENGTH)
            @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Nullable @Size(max = 64) String timeZone,

            @Schema(allowableValues = {"ACTIVE", "SUSPENDED"})
            @Nullable
            @Pattern(regexp = "ACTIVE|SUSPENDED", message = "must be ACTIVE or SUSPENDED")
            String status,

            @Nullable @Size(max = 100) String contactName,

            @Nullable @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
            String contactPhone,

            @Nullable @Email @Size(max = 254) String contactEmail,

            @Nullable @Valid Limits limits) {

        @Override
        public String toString() {
            return "Change[name=" + name + ", status=" + status + "]";
        }
    }

    /** A plan's limits; a null (or absent) limit is unlimited. */
    record Limits(
            @Nullable @Positive Integer maxProjects,
            @Nullable @Positive Integer maxUnits) {}
}
