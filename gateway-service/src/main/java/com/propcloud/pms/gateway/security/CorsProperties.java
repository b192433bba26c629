package com.propcloud.pms.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Browser origins allowed to call the API: the web admin's. The owners' app is native and needs no
 * CORS.
 *
 * @param allowedOrigins exact origins such as {@code https://admin.example.com} (comma-separated in
 *     an environment variable)
 * @param maxAge how long browsers may cache a preflight answer
 */
@Validated
@ConfigurationProperties("pms.gateway.cors")
record CorsProperties(
        @NotNull List<String> allowedOrigins, @NotNull Duration maxAge) {}
