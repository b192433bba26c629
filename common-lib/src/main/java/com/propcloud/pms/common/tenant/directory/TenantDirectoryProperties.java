package com.propcloud.pms.common.tenant.directory;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tenant directory read model ({@code pms.tenant-directory.*}).
 *
 * @param enabled off unless a service needs tenants it does not own (iot-service, reporting-service)
 * @param userServiceUri user-service's base URI for the internal API, never through the gateway;
 *     unset, {@code PMS_USER_INTERNAL_URI} or {@code http://localhost:8081}
 * @param clientId the client id at user-service's token endpoint; unset, {@code spring.application.name}
 * @param clientSecret the client's secret; unset, {@code PMS_SERVICE_SECRET} or {@code pms-service-local}
 * @param connectTimeout how long to wait for a connection to user-service
 * @param requestTimeout how long to wait for each answer (token, tenant list)
 * @param refetchInterval the least time between two refetches caused by an unknown code or id
 * @param bootstrapRetryMin wait before retrying a failed bootstrap; doubles per failure
 * @param bootstrapRetryMax the longest wait between two bootstrap attempts
 * @param cacheTtl how long a found entry is answered from memory before the table is read again
 *     (bounds how stale another instance's copy can be); zero turns the cache off
 */
@Validated
@ConfigurationProperties("pms.tenant-directory")
public record TenantDirectoryProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable URI userServiceUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration requestTimeout,
        @DefaultValue("5s") @NotNull Duration refetchInterval,
        @DefaultValue("2s") @NotNull Duration bootstrapRetryMin,
        @DefaultValue("1m") @NotNull Duration bootstrapRetryMax,
        @DefaultValue("30s") @NotNull Duration cacheTtl) {

    /** Environment variable with user-service's internal base URI, where the property is unset. */
    public static final String URI_VARIABLE = "PMS_USER_INTERNAL_URI";
    /** Environment variable with this service's client secret, where the property is unset. */
    public static final String SECRET_VARIABLE = "PMS_SERVICE_SECRET";

    static final String DEFAULT_URI = "http://localhost:8081";
    static final String DEFAULT_SECRET = "pms-service-local";

    @Override
    public String toString() {
        return "TenantDirectoryProperties[enabled=" + enabled + ", userServiceUri=" + userServiceUri + ", clientId="
                + clientId + "]";
    }
}
