package com.propcloud.pms.asset.renovation;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A contractor's phone, masked before it is stored: asset-service has no key to encrypt personal data
 * (user-service keeps phones encrypted), and staff reach the contractor through the applicant, so the
 * masked form is all that is kept. The full number is never stored, logged or echoed in a problem.
 */
final class ContractorPhones {

    /** A mainland mobile number, or a landline with its area code (digits, optionally one dash). */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private ContractorPhones() {}

    /** 13912345678 → 139****5678; 010-12345678 → 010****5678. */
    static String mask(String input) {
        String phone = input.strip().replace(" ", "");
        if (!PHONE.matcher(phone).matches()) {
            throw new BusinessRuleViolation(
                    RenovationCodes.CONTRACTOR_PHONE_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The contractor's phone is neither a mobile nor a landline number");
        }
        String digits = phone.replace("-", "");
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
