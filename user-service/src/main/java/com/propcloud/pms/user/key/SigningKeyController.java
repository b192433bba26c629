package com.propcloud.pms.user.key;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a platform operator rotate the signing key at once (a suspected leak, a drill) rather than
 * wait for the schedule. Tokens already issued stay valid until they expire. Any other role gets 403.
 */
@RestController
@RequestMapping("/api/v1/auth/signing-keys")
@Tag(name = "Authentication")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/rotate")
    @Operation(summary = "Rotate the signing key now (platform operators)")
    ResponseEntity<RotatedKey> rotate() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RotatedKey(keys.rotateNow()));
    }

    /** {@code {"kid":"…"}}: the id of the key that signs from now on. */
    record RotatedKey(String kid) {}
}
