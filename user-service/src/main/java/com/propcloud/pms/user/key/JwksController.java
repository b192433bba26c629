package com.propcloud.pms.user.key;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/jwks")
@Tag(name = "Authentication")
class JwksController {

    /**
     * Short, so other services and the gateway pick up a new key soon after a rotation; they also
     * refetch at once when a token names a key they do not know.
     */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** RFC 7517's own media type, which some clients ask for; plain JSON is the default. */
    static final String JWK_SET_JSON = "application/jwk-set+json";

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, JWK_SET_JSON})
    @Operation(
            summary = "Public keys that verify access tokens",
            description = "A JWK set (RFC 7517) of every key whose tokens are still valid. Open without a token.")
    @SecurityRequirements
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
