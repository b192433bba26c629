package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.security.SecurityProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class OpenEndpointsTokenConfiguration {

    /**
     * Login, refresh and the JWKS ignore any {@code Authorization} header. Clients tend to attach
     * their access token to every call, and they call refresh precisely when it has expired: the
     * resource server would otherwise refuse that request for a token the endpoint never needed.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver(SecurityProperties security) {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        List<RequestMatcher> open = security.publicPaths().stream()
                .<RequestMatcher>map(PathPatternRequestMatcher::pathPattern)
                .toList();
        return request -> open.stream().anyMatch(path -> path.matches(request)) ? null : standard.resolve(request);
    }
}
