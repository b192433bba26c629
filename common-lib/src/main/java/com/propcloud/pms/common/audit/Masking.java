package com.propcloud.pms.common.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks personal information the way lists, logs and the audit trail show it (PIPL): a mainland
 * mobile as {@code 138****5678}, a resident ID number as {@code 1101**********1234}. {@link
 * #scrub(String)} finds either inside free text and masks it, so a careless caller cannot put a full
 * number into an audit record or a log line.
 */
public final class Masking {

    /** An 11-digit mainland mobile number (1[3-9]…), optionally with +86/86, not part of a longer number. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?(1[3-9][0-9]{9})(?![0-9])");

    /** An 18-character resident ID number (17 digits and a digit or X), not part of a longer token. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx])(?![0-9A-Za-z])");

    private Masking() {}

    /** {@code 13812345678 -> 138****5678}; shorter input than 8 characters is masked entirely. */
    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String value = phone.strip();
        return value.length() < 8 ? stars(value.length()) : value.substring(0, 3) + "****" + tail(value, 4);
    }

    /** {@code 110101199003071234 -> 1101**********1234}; shorter input than 9 characters is masked entirely. */
    public static @Nullable String idNumber(@Nullable String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String value = idNumber.strip();
        return value.length() < 9
                ? stars(value.length())
                : value.substring(0, 4) + stars(value.length() - 8) + tail(value, 4);
    }

    /** Whether {@code text} holds something that looks like a full mobile number or ID number. */
    public static boolean containsPersonalNumber(@Nullable String text) {
        return text != null
                && (ID_NUMBER.matcher(text).find() || MOBILE.matcher(text).find());
    }

    /** {@code text} with every full-looking mobile number and ID number in it masked. */
    public static @Nullable String scrub(@Nullable String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        String withoutIds = replace(ID_NUMBER, text, true);
        return replace(MOBILE, withoutIds, false);
    }

    private static String replace(Pattern pattern, String text, boolean idNumber) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String masked = idNumber ? idNumber(matcher.group(1)) : phone(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(masked));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    private static String tail(String value, int count) {
        return value.substring(value.length() - count);
    }

    private static String stars(int count) {
        return "*".repeat(count);
    }
}
