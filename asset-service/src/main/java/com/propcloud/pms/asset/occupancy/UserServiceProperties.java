package com.propcloud.pms.asset.occupancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How asset-service calls user-service's internal API ({@code pms.user-service.*}), for {@link
 * UserServicePeople}: directly, never through the gateway, with a service token obtained by client
 * credentials.
 *
 * @param uri user-service's base URI
 * @param clientId this service's client id at the token endpoint
 * @param clientSecret its secret
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for each answer (the token, a batch of up to 500 people)
 */
@Validated
@ConfigurationProperties("pms.user-service")
record UserServiceProperties(
        @NotNull URI uri,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration requestTimeout) {

    @Override
    public String toString() {
        return "UserServiceProperties[uri=" + uri + ", clientId=" + clientId + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
