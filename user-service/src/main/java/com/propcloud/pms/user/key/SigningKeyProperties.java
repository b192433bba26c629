package com.propcloud.pms.user.key;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When signing keys rotate, and what decides how long a replaced key must stay trusted. The token
 * lifetimes are the same properties the token issuer reads.
 *
 * @param signingKeyRotation how long a key signs before a new one replaces it
 * @param signingKeyCheckInterval how often each instance checks for a due rotation or retirement and
 *     reloads the keys (so it signs with a key another instance generated within this interval)
 * @param accessTokenTtl the longest an access token signed by a replaced key can still be valid
 * @param serviceTokenTtl the same for service tokens
 * @param clockSkew what verifiers tolerate past a token's expiry (Spring Security's default is 60s)
 */
@Validated
@ConfigurationProperties("pms.auth")
record SigningKeyProperties(
        @NotNull @DefaultValue("30d") Duration signingKeyRotation,
        @NotNull @DefaultValue("1m") Duration signingKeyCheckInterval,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("15m") Duration serviceTokenTtl,
        @NotNull @DefaultValue("60s") Duration clockSkew) {

    /**
     * How long a key stays published and trusted after it stopped signing: the longest token lifetime,
     * plus clock skew, plus one check interval, since another instance may have gone on signing with
     * it until its next check noticed the rotation.
     */
    Duration retirementGrace() {
        return Collections.max(List.of(accessTokenTtl, serviceTokenTtl))
                .plus(clockSkew)
                .plus(signingKeyCheckInterval);
    }
}
