package com.propcloud.pms.common.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Names each service's OpenAPI document (the gateway's Swagger UI lists them side by side) and
 * declares that every operation needs a bearer token unless it says otherwise.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    public static final String BEARER = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(
            @Value("${spring.application.name:service}") String service,
            @Value("${pms.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("PMS Cloud " + service).version("v1").description(description))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
