package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.security.SecurityProperties;
import com.propcloud.pms.user.key.SigningKeys;
import com.propcloud.pms.user.tenant.TenantRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints access tokens with the claims every service relies on (names fixed by the architecture).
 * {@code projects} (project ids) is present for project-scoped staff and absent for tenant-wide roles
 * ({@code HQ_ADMIN}, operators), which see every project.
 */
@Component
class AccessTokenIssuer {

    static final String SERVICE_KIND = "service";
    static final String SERVICE_ROLE = "SERVICE";
    /** Present (true) while the account must replace a password someone else chose. */
    static final String MUST_CHANGE_PASSWORD_CLAIM = "must_change_password";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final SecurityProperties security;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokenIssuer(
            JwtEncoder encoder, SigningKeys keys, SecurityProperties security, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.security = security;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(TenantRef tenant, TokenSubject member) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(security.issuer())
                .subject(member.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("tid", tenant.id().toString())
                .claim("tenant", tenant.code())
                .claim("kind", member.kind())
                .claim("roles", member.roles());
        if (member.projects() != null) {
            claims.claim(
                    "projects", member.projects().stream().map(UUID::toString).toList());
        }
        if (member.mustChangePassword()) {
            claims.claim(MUST_CHANGE_PASSWORD_CLAIM, true);
        }
        return sign(claims.build());
    }

    /**
     * A token for one of the platform's services calling another: {@code kind: service}, role {@code
     * SERVICE}, the platform tenant, and a subject derived from the client id (the same every time).
     */
    String issueService(TenantRef platform, String clientId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(security.issuer())
                .subject(ServiceClients.subjectOf(clientId).toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.serviceTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("tid", platform.id().toString())
                .claim("tenant", platform.code())
                .claim("kind", SERVICE_KIND)
                .claim("roles", List.of(SERVICE_ROLE))
                .claim("client_id", clientId)
                .build();
        return sign(claims);
    }

    private String sign(JwtClaimsSet claims) {
        // the kid lets every verifier pick the right key from the JWKS, also across a key rotation
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.activeKey().getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long lifetimeSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    long serviceLifetimeSeconds() {
        return properties.serviceTokenTtl().toSeconds();
    }
}
