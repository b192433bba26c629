package com.propcloud.pms.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks a service client's credentials. Secrets are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, which takes the same time wherever the first difference is (and whatever
 * the lengths); an unknown client id is compared against a random decoy, so timing tells a prober
 * neither which ids exist nor how much of a secret was right.
 */
@Component
class ServiceClients {

    private final Map<String, byte[]> secretDigests = new HashMap<>();
    private final byte[] decoy;

    ServiceClients(ServiceClientsProperties properties) {
        properties.serviceClients().forEach((clientId, client) -> {
            if (client != null && client.secret() != null && !client.secret().isEmpty()) {
                secretDigests.put(clientId, sha256(client.secret()));
            }
        });
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = sha256(new String(random, StandardCharsets.ISO_8859_1));
    }

    /** The client id if the secret is that client's, else empty. */
    Optional<String> authenticate(String clientId, String secret) {
        byte[] expected = secretDigests.getOrDefault(clientId, decoy);
        boolean matches = MessageDigest.isEqual(expected, sha256(secret));
        return matches && expected != decoy ? Optional.of(clientId) : Optional.empty();
    }

    /** The stable subject of a client's tokens: the same UUID for the same client id, everywhere. */
    static UUID subjectOf(String clientId) {
        return UUID.nameUUIDFromBytes(("pms-service-client:" + clientId).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
