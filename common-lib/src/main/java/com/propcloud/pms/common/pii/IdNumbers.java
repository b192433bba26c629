package com.propcloud.pms.common.pii;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resident identity card numbers (GB 11643-1999): 17 digits and a check character. The check catches
 * most typing mistakes at the front desk, before a wrong number is encrypted where nobody can see it.
 */
public final class IdNumbers {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {}

    /** The upper-case 18-character number, or empty when the format or the check character is wrong. */
    public static Optional<String> normalise(@Nullable String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        String value = idNumber.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        return checkCharacter(value) == value.charAt(17) ? Optional.of(value) : Optional.empty();
    }

    /** The full number for 17 leading digits (test and demo data). */
    public static String withCheckCharacter(String first17Digits) {
        if (!first17Digits.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        return first17Digits + checkCharacter(first17Digits);
    }

    private static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
