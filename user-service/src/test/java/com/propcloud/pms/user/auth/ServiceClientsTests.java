package com.propcloud.pms.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceClientsTests {

    private final ServiceClients clients = new ServiceClients(new ServiceClientsProperties(Map.of(
            "iot-service", new ServiceClientsProperties.Client("s3cret"),
            "disabled-service", new ServiceClientsProperties.Client(""))));

    @Test
    void acceptsTheRightSecretOnly() {
        assertThat(clients.authenticate("iot-service", "s3cret")).contains("iot-service");
        assertThat(clients.authenticate("iot-service", "s3cret ")).isEmpty();
        assertThat(clients.authenticate("iot-service", "")).isEmpty();
        assertThat(clients.authenticate("stranger", "s3cret")).isEmpty();
    }

    @Test
    void aClientWithoutSecretCannotAuthenticate() {
        assertThat(clients.authenticate("disabled-service", "")).isEmpty();
    }

    @Test
    void subjectIsAStableUuidPerClient() {
        assertThat(ServiceClients.subjectOf("iot-service"))
                .isEqualTo(ServiceClients.subjectOf("iot-service"))
                .isNotEqualTo(ServiceClients.subjectOf("reporting-service"));
    }

    @Test
    void basicCredentialsAreFormDecodedAsRfc6749Requires() {
        String encoded = Base64.getEncoder().encodeToString("my%20client:p%3Ass+word".getBytes(StandardCharsets.UTF_8));

        var credentials = ServiceTokenController.basicCredentials("Basic " + encoded);

        assertThat(credentials).contains(new ServiceTokenController.Credentials("my client", "p:ss word"));
    }

    @Test
    void malformedBasicCredentialsAreNone() {
        assertThat(ServiceTokenController.basicCredentials(null)).isEmpty();
        assertThat(ServiceTokenController.basicCredentials("Bearer abc")).isEmpty();
        assertThat(ServiceTokenController.basicCredentials("Basic !!!")).isEmpty();
        assertThat(ServiceTokenController.basicCredentials(
                        "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }
}
