package com.propcloud.pms.user.auth;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's own services that may obtain service tokens by client credentials ({@code
 * pms.service-clients.<client-id>.secret}); the client id is the service's {@code
 * spring.application.name}. Secrets come from the environment; a client without a secret is refused.
 */
@ConfigurationProperties("pms")
record ServiceClientsProperties(@DefaultValue Map<String, Client> serviceClients) {

    public ServiceClientsProperties {
        serviceClients = Map.copyOf(serviceClients);
    }

    /** @param secret the shared secret the client authenticates with (HTTP Basic) */
    record Client(String secret) {

        @Override
        public String toString() {
            return "Client[secret=****]";
        }
    }
}
