package com.propcloud.pms.user.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.propcloud.pms.user.tenant.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint for the platform's own services (RFC 6749 section 4.4, client
 * credentials): {@code POST /internal/oauth2/token} with {@code grant_type=client_credentials} as
 * {@code application/x-www-form-urlencoded}, the client authenticated with HTTP Basic (id and secret
 * form-encoded, section 2.3.1). Answers {@code {"access_token","token_type":"Bearer","expires_in"}};
 * every refusal is an RFC 6749 error object ({@code {"error","error_description"}}), never problem
 * JSON, so that any OAuth client library understands it. Internal: the gateway never routes {@code
 * /internal/**}; the path is open to the resource server only because the client authenticates here.
 */
@RestController
class ServiceTokenController {

    static final String PATH = "/internal/oauth2/token";
    private static final Logger log = LoggerFactory.getLogger(ServiceTokenController.class);
    private static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final String BASIC = "Basic ";

    private final ServiceClients clients;
    private final TenantDirectory tenants;
    private final AccessTokenIssuer issuer;

    ServiceTokenController(ServiceClients clients, TenantDirectory tenants, AccessTokenIssuer issuer) {
        this.clients = clients;
        this.tenants = tenants;
        this.issuer = issuer;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(HttpServletRequest request) {
        Optional<String> client = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(credentials -> clients.authenticate(credentials.clientId(), credentials.secret()));
        if (client.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed");
        }
        String grantType = request.getParameter("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only client_credentials is supported");
        }
        String token = issuer.issueService(tenants.platform(), client.get());
        log.debug("Issued a service token to {}", client.get());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(new ServiceTokenResponse(token, "Bearer", issuer.serviceLifetimeSeconds()));
    }

    /** RFC 7617 Basic credentials whose parts are form-encoded as RFC 6749 section 2.3.1 requires. */
    static Optional<Credentials> basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64, or a broken %-escape
        }
    }

    private static ResponseEntity<OAuthError> error(HttpStatus status, String code, String description) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"pms-internal\", charset=\"UTF-8\"");
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(new OAuthError(code, description));
    }

    record Credentials(String clientId, String secret) {

        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + "]";
        }
    }

    /** RFC 6749 section 5.1. */
    record ServiceTokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {

        @Override
        public String toString() {
            return "ServiceTokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** RFC 6749 section 5.2. */
    record OAuthError(
            String error, @JsonProperty("error_description") String errorDescription) {}
}
