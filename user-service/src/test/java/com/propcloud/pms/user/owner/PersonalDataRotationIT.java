package com.propcloud.pms.user.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.crypto.CryptoProperties;
import com.propcloud.pms.user.crypto.FieldCipher;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a key rotation, values written under the retired key still read, and the rotation job moves
 * them to the current key without changing what they say or how they are found.
 */
@UserServiceTest
class PersonalDataRotationIT {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OwnerAccounts owners;

    @Autowired
    PersonalDataRotation rotation;

    @Autowired
    FieldCipher cipher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void valuesUnderARetiredKeyAreReencryptedUnderTheCurrentOne() {
        TenantRef tenant =
                tenants.registerIfAbsent("rot-" + UUID.randomUUID().toString().substring(0, 8), "Rotation");
        String phone = OwnersApiIT.randomPhone();
        UUID id = TenantContext.callAs(
                        tenant.id(),
                        () -> owners.open(new OwnerAccounts.NewOwner("旧钥匙", OwnerCategory.OWNER, phone, null)))
                .id();
        // as if written before the rotation, under the key that was current then
        FieldCipher before = new FieldCipher(new CryptoProperties(
                Map.of("retired-test", UserServiceTest.RETIRED_KEY), "retired-test", UserServiceTest.RETIRED_KEY));
        inTenant(
                tenant,
                () -> jdbc.update(
                        "update owner_account set phone_cipher = ? where id = ?", before.encrypt(phone, "phone"), id));
        assertThat(phoneCipher(tenant, id)).startsWith("v1.retired-test.");

        assertThat(TenantContext.callAs(tenant.id(), () -> owners.reveal(id, PersonalField.PHONE)))
                .contains(phone);

        assertThat(rotation.rotateAll()).isGreaterThanOrEqualTo(1);

        assertThat(phoneCipher(tenant, id)).startsWith("v1." + cipher.currentKeyId() + ".");
        assertThat(TenantContext.callAs(tenant.id(), () -> owners.reveal(id, PersonalField.PHONE)))
                .contains(phone);
        assertThat(TenantContext.callAs(tenant.id(), () -> owners.findActiveByPhone(phone)))
                .map(OwnerMember::id)
                .contains(id);
        assertThat(rotation.rotateAll()).isZero();
    }

    private String phoneCipher(TenantRef tenant, UUID id) {
        return inTenant(
                tenant,
                () -> jdbc.queryForObject("select phone_cipher from owner_account where id = ?", String.class, id));
    }

    private <T> T inTenant(TenantRef tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(
                tenant.id(), () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }
}
