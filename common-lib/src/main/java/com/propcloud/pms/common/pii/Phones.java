package com.propcloud.pms.common.pii;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Mainland China mobile numbers, the login and contact number of owners and residents. */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private Phones() {}

    /**
     * The 11-digit form of a mobile number as people type it ({@code +86 139-0000-0001}), or empty
     * when it is not one. Everything stored, hashed or compared goes through here first.
     */
    public static Optional<String> normalise(@Nullable String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(phone.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
