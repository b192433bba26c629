package com.propcloud.pms.user.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A token pair, shaped as OAuth 2.0 token responses are.
 *
 * @param expiresIn seconds until the access token expires
 */
record TokenResponse(
        @Schema(description = "RS256 JWT to send as 'Authorization: Bearer ...'")
        String accessToken,

        @Schema(description = "Opaque; exchange it once at /api/v1/auth/refresh for a new pair")
        String refreshToken,

        @Schema(example = "Bearer") String tokenType,
        @Schema(example = "900") long expiresIn) {

    static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn);
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
