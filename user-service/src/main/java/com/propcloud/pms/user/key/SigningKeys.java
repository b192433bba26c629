package com.propcloud.pms.user.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign and verify access tokens. On start it makes sure one key is active, generating
 * and storing a 2048-bit RSA key on the very first start, and keeps the published keys in memory;
 * it reloads them when a token names a key it has not seen (one another instance generated).
 */
@Service
public class SigningKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final long KEY_GENERATION_LOCK = 0x504d535f4b4559L; // "PMS_KEY"
    /** Bounds the reloads a flood of tokens with made-up key ids can cause. */
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(30);

    private final SigningKeyRepository keys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private volatile KeyRing ring = new KeyRing(null, List.of(), new JWKSet());
    private Instant lastReload = Instant.EPOCH; // guarded by this

    SigningKeys(SigningKeyRepository keys, PlatformTransactionManager transactionManager, Clock clock) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        ensureActiveKey();
        reload();
    }

    /** The key new tokens are signed with, private part included. */
    public RSAKey activeKey() {
        RSAKey active = ring.active();
        if (active == null) {
            throw new IllegalStateException("No active signing key");
        }
        return active;
    }

    /** Public halves of every key whose tokens are still trusted, for the JWKS endpoint. */
    public JWKSet publicKeys() {
        return ring.publicKeys();
    }

    /** Key pairs by key id, for the token encoder, which picks the one the header names. */
    public JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(List.<JWK>copyOf(ring.keys())));
    }

    /** Public keys for this service's own token validation, reloaded when a token names an unknown key. */
    public JWKSource<SecurityContext> verificationSource() {
        return (selector, context) -> {
            List<JWK> found = selector.select(publicKeys());
            if (found.isEmpty() && namesKeyId(selector) && reloadIfDue()) {
                found = selector.select(publicKeys());
            }
            return found;
        };
    }

    private static boolean namesKeyId(JWKSelector selector) {
        JWKMatcher matcher = selector.getMatcher();
        return matcher.getKeyIDs() != null && !matcher.getKeyIDs().isEmpty();
    }

    /** Checked under the lock, so a burst of unknown key ids costs one reload, not one per request. */
    private synchronized boolean reloadIfDue() {
        if (Duration.between(lastReload, clock.instant()).compareTo(MIN_RELOAD_INTERVAL) < 0) {
            return false;
        }
        reload();
        return true;
    }

    private void ensureActiveKey() {
        transactions.executeWithoutResult(tx -> {
            keys.lockForKeyGeneration(KEY_GENERATION_LOCK);
            if (keys.findByStatus(SigningKeyStatus.ACTIVE).isEmpty()) {
                SigningKey generated = SigningKey.active(generate(), clock.instant());
                keys.save(generated);
                log.info("Generated signing key {}", generated.kid());
            }
        });
    }

    private RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private synchronized void reload() {
        List<SigningKey> trusted = transactions.execute(tx -> keys.findByStatusInOrderByCreatedAtDesc(
                EnumSet.of(SigningKeyStatus.ACTIVE, SigningKeyStatus.PREVIOUS)));
        RSAKey active = null;
        List<RSAKey> loaded = new ArrayList<>();
        for (SigningKey key : trusted) {
            RSAKey jwk = key.toJwk();
            loaded.add(jwk);
            if (key.isActive()) {
                active = jwk;
            }
        }
        JWKSet published = new JWKSet(loaded.stream().map(JWK::toPublicJWK).toList());
        ring = new KeyRing(active, List.copyOf(loaded), published);
        lastReload = clock.instant();
    }

    /** An immutable snapshot, swapped whole so readers never see a half-updated set. */
    private record KeyRing(RSAKey active, List<RSAKey> keys, JWKSet publicKeys) {}
}
