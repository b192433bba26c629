package com.propcloud.pms.user.pii;

import com.propcloud.pms.common.audit.Masking;
import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.user.crypto.FieldCipher;
import com.propcloud.pms.user.crypto.SearchHash;
import org.springframework.stereotype.Component;

/**
 * Turns phone and ID numbers into what may be stored ({@link ProtectedValue}) and back. The purpose
 * names are bound into both the ciphertext and the hash, so a phone's ciphertext or hash never
 * matches in the ID number's columns.
 */
@Component
public class PersonalData {

    private static final String PHONE = "phone";
    private static final String ID_NUMBER = "id-number";

    private final FieldCipher cipher;
    private final SearchHash hash;

    PersonalData(FieldCipher cipher, SearchHash hash) {
        this.cipher = cipher;
        this.hash = hash;
    }

    /** @param phone a normalised number ({@link Phones#normalise}) */
    public ProtectedValue protectPhone(String phone) {
        return new ProtectedValue(cipher.encrypt(phone, PHONE), phoneKey(phone), Masking.phone(phone));
    }

    /** @param idNumber a normalised number ({@link IdNumbers#normalise}) */
    public ProtectedValue protectIdNumber(String idNumber) {
        return new ProtectedValue(
                cipher.encrypt(idNumber, ID_NUMBER), hash.of(ID_NUMBER, idNumber), Masking.idNumber(idNumber));
    }

    /** The search key of a normalised phone number: what the phone_hash column holds. */
    public String phoneKey(String phone) {
        return hash.of(PHONE, phone);
    }

    public String revealPhone(String ciphertext) {
        return cipher.decrypt(ciphertext, PHONE);
    }

    public String revealIdNumber(String ciphertext) {
        return cipher.decrypt(ciphertext, ID_NUMBER);
    }

    /** Re-encrypts a value written under an older key with the current one; unchanged otherwise. */
    public String rotatePhone(String ciphertext) {
        return cipher.needsRotation(ciphertext) ? cipher.encrypt(revealPhone(ciphertext), PHONE) : ciphertext;
    }

    public String rotateIdNumber(String ciphertext) {
        return cipher.needsRotation(ciphertext) ? cipher.encrypt(revealIdNumber(ciphertext), ID_NUMBER) : ciphertext;
    }
}
