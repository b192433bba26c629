package com.propcloud.pms.user.key;

import com.propcloud.pms.common.security.ResourceServerAutoConfiguration;
import com.propcloud.pms.common.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * This service validates tokens against its own key store, not through an HTTP call to its own JWKS
 * endpoint: that would be a request to itself during every cache miss, and would fail while it starts.
 * Replaces common-lib's JWKS-URI decoder; the checks on the claims are the same as everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerificationConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationSource())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(ResourceServerAutoConfiguration.tokenValidator(security.issuer()));
        return decoder;
    }
}
