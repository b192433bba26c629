package com.propcloud.pms.gateway.limits;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;

/**
 * Which request bodies the API takes at all. Wildcards such as {@code application/*+json} are
 * allowed; parameters like {@code charset} are ignored when matching.
 *
 * @param acceptedMediaTypes content types a POST, PUT or PATCH body under {@code /api/} may have
 */
@Validated
@ConfigurationProperties("pms.gateway")
record MediaTypeProperties(@NotEmpty List<MediaType> acceptedMediaTypes) {}
