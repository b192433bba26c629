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
import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.user.crypto.FieldCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign and verify access tokens. On start it encrypts any private key still stored in
 * plain text (or under an older encryption key), makes sure one key is active (generating a 2048-bit
 * RSA key on the very first start) and keeps the published keys in memory.
 *
 * <p>Keys rotate: once the active key has signed for {@code pms.auth.signing-key-rotation} a new one
 * replaces it, and the old one stays published and trusted as {@code PREVIOUS} for {@link
 * SigningKeyProperties#retirementGrace()} (every token it signed has expired by then), then is retired.
 * Every instance checks this on a timer ({@link SigningKeyRotation}) under a PostgreSQL advisory lock,
 * so only one of them rotates, and reloads the keys at each check, so all of them sign with the newest
 * key soon after; between checks a token naming a key it has not seen also triggers a reload.
 */
@Service
public class SigningKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final long KEY_GENERATION_LOCK = 0x504d535f4b4559L; // "PMS_KEY"
    /** Bounds the reloads a flood of tokens with made-up key ids can cause. */
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(30);

    static final String ROTATED = "signing-key.rotated";

    private final SigningKeyRepository keys;
    private final TransactionTemplate transactions;
    private final FieldCipher cipher;
    private final SigningKeyProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    private volatile KeyRing ring = new KeyRing(null, List.of(), new JWKSet());
    private Instant lastReload = Instant.EPOCH; // guarded by this

    SigningKeys(
            SigningKeyRepository keys,
            PlatformTransactionManager transactionManager,
            FieldCipher cipher,
            SigningKeyProperties properties,
            AuditLog audit,
            Clock clock) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.cipher = cipher;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        protectStoredKeys();
        ensureActiveKey();
        maintain();
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

    /**
     * Rotates now, whatever the active key's age (an operator suspecting a leak, say): a new key
     * signs from here on, the replaced one stays trusted for the usual grace period.
     *
     * @return the new active key's id
     */
    String rotateNow() {
        Rotation rotation = Objects.requireNonNull(transactions.execute(tx -> {
            lockKeys();
            SigningKey active = keys.findByStatus(SigningKeyStatus.ACTIVE).orElseThrow();
            return rotate(active, clock.instant());
        }));
        audit.record(rotation.auditEvent("manual").byCurrentUser().build());
        reload();
        return rotation.newKid();
    }

    /**
     * The timer's work, on every instance: rotate the active key if it is due, retire previous keys
     * whose grace has passed, then reload, so that this instance signs with whatever key is active
     * now, even if another instance made it.
     */
    void maintain() {
        maintain(clock.instant());
    }

    /** {@link #maintain()} as of {@code now}. */
    void maintain(Instant now) {
        Optional<Rotation> rotated = transactions.execute(tx -> {
            lockKeys();
            Rotation rotation = keys.findByStatus(SigningKeyStatus.ACTIVE)
                    .filter(active -> active.dueForRotation(properties.signingKeyRotation(), now))
                    .map(active -> rotate(active, now))
                    .orElse(null);
            for (SigningKey previous : keys.findAllByStatus(SigningKeyStatus.PREVIOUS)) {
                if (previous.retireIfExpired(properties.retirementGrace(), now)) {
                    log.info("Retired signing key {}: every token it signed has expired", previous.kid());
                }
            }
            return Optional.ofNullable(rotation);
        });
        rotated.ifPresent(
                rotation -> audit.record(rotation.auditEvent("scheduled").build()));
        reload();
    }

    private Rotation rotate(SigningKey active, Instant now) {
        active.supersede(now);
        // flushed first: the unique index allows one ACTIVE row, and Hibernate would insert before updating
        keys.saveAndFlush(active);
        SigningKey next = keys.saveAndFlush(SigningKey.active(generate(now), now, cipher));
        log.info(
                "Rotated signing keys: {} signs from now on, {} verifies until its tokens expire",
                next.kid(),
                active.kid());
        return new Rotation(active.kid(), next.kid());
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

    /** Encrypts plain-text private keys (rows from before encryption at rest) and re-encrypts old ones. */
    private void protectStoredKeys() {
        transactions.executeWithoutResult(tx -> {
            lockKeys();
            int changed = 0;
            for (SigningKey key : keys.findAll()) {
                if (key.protectPrivateKey(cipher)) {
                    changed++;
                }
            }
            if (changed > 0) {
                log.info("Encrypted {} stored signing key(s) under encryption key {}", changed, cipher.currentKeyId());
            }
        });
    }

    private void ensureActiveKey() {
        transactions.executeWithoutResult(tx -> {
            lockKeys();
            if (keys.findByStatus(SigningKeyStatus.ACTIVE).isEmpty()) {
                Instant now = clock.instant();
                SigningKey generated = keys.save(SigningKey.active(generate(now), now, cipher));
                log.info("Generated signing key {}", generated.kid());
            }
        });
    }

    private void lockKeys() {
        keys.lockForKeyGeneration(KEY_GENERATION_LOCK);
    }

    private static RSAKey generate(Instant now) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    synchronized void reload() {
        List<SigningKey> trusted = transactions.execute(tx -> keys.findByStatusInOrderByCreatedAtDesc(
                EnumSet.of(SigningKeyStatus.ACTIVE, SigningKeyStatus.PREVIOUS)));
        RSAKey active = null;
        List<RSAKey> loaded = new ArrayList<>();
        for (SigningKey key : trusted) {
            RSAKey jwk = key.toJwk(cipher);
            loaded.add(jwk);
            if (key.isActive()) {
                active = jwk;
            }
        }
        RSAKey before = ring.active();
        if (before != null && active != null && !before.getKeyID().equals(active.getKeyID())) {
            log.info("Now signing with key {} (was {})", active.getKeyID(), before.getKeyID());
        }
        JWKSet published = new JWKSet(loaded.stream().map(JWK::toPublicJWK).toList());
        ring = new KeyRing(active, List.copyOf(loaded), published);
        lastReload = clock.instant();
    }

    /** An immutable snapshot, swapped whole so readers never see a half-updated set. */
    private record KeyRing(@Nullable RSAKey active, List<RSAKey> keys, JWKSet publicKeys) {}

    private record Rotation(String previousKid, String newKid) {

        AuditEvent.Builder auditEvent(String trigger) {
            return AuditEvent.builder(ROTATED)
                    .target("signing-key", newKid)
                    .detail("previousKid", previousKid)
                    .detail("trigger", trigger);
        }
    }
}
