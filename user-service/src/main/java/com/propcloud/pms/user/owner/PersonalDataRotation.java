package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.crypto.FieldCipher;
import com.propcloud.pms.user.pii.PersonalData;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After an encryption-key rotation (a new {@code pms.crypto.current-key}), re-encrypts every owner's
 * phone and ID number written under an older key, one tenant at a time (row-level security) and in
 * small batches, so that the old key can be retired. Runs once after each start; a start with
 * nothing to do costs one query per tenant. Hashes and masks do not change.
 */
@Component
class PersonalDataRotation {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRotation.class);
    private static final int BATCH = 200;

    private final OwnerAccountRepository accounts;
    private final PersonalData personalData;
    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PersonalDataRotation(
            OwnerAccountRepository accounts,
            PersonalData personalData,
            FieldCipher cipher,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.personalData = personalData;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void rotateAfterStart() {
        try {
            int rotated = rotateAll();
            if (rotated > 0) {
                log.info("Re-encrypted the personal numbers of {} owners under key {}", rotated, cipher.currentKeyId());
            }
        } catch (RuntimeException e) {
            log.warn("Re-encryption of personal numbers stopped; it resumes at the next start", e);
        }
    }

    /** Re-encrypts everything under an older key; returns how many owners changed. */
    int rotateAll() {
        // the tenant table is a technical directory, outside row-level security
        List<UUID> tenants = jdbc.queryForList("select id from tenant order by id", UUID.class);
        int rotated = 0;
        for (UUID tenant : tenants) {
            rotated += TenantContext.callAs(tenant, this::rotateTenant);
        }
        return rotated;
    }

    private int rotateTenant() {
        String current = "v1." + cipher.currentKeyId() + ".%";
        int rotated = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                List<OwnerAccount> stale = accounts.findEncryptedUnderOtherKeys(
                        TenantContext.require(), current, PageRequest.of(0, BATCH));
                for (OwnerAccount account : stale) {
                    account.reencrypt(
                            personalData.rotatePhone(account.phoneCipher()),
                            account.idNumberCipher() == null
                                    ? null
                                    : personalData.rotateIdNumber(account.idNumberCipher()));
                }
                return stale.size();
            });
            rotated += batch;
        } while (batch == BATCH);
        return rotated;
    }
}
