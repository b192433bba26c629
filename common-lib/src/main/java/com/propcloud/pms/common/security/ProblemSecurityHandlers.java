package com.propcloud.pms.common.security;

import com.propcloud.pms.common.problem.ProblemCode;
import com.propcloud.pms.common.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as problem JSON. The body never says why a token was refused
 * (expired, forged, malformed): that helps an attacker more than a client; the {@code
 * WWW-Authenticate} header keeps the standard hint.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        bearer.commence(request, response, ex);
        Problems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                ProblemCode.UNAUTHENTICATED,
                "A valid access token is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        Problems.write(
                request, response, HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "You are not allowed to do this");
    }
}
