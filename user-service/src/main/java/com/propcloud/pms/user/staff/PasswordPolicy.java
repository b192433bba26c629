package com.propcloud.pms.user.staff;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters (at most {@value #MAX_LENGTH}),
 * from at least three of the four classes lower case, upper case, digits and other characters, and
 * not containing the username (regardless of case). "Not the current password" needs the stored hash
 * and is checked where the password is changed.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int MIN_CLASSES = 3;

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@^_";
    private static final int GENERATED_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {}

    /** Every rule the password breaks, as messages for the caller; empty when it is acceptable. */
    public static List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters long");
            if (password == null) {
                return problems;
            }
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (characterClasses(password) < MIN_CLASSES) {
            problems.add("must mix at least " + MIN_CLASSES
                    + " of: lower-case letters, upper-case letters, digits, other characters");
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the username");
        }
        return problems;
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /**
     * A random one-time password that meets the policy for this username: 16 characters with every
     * class present, without look-alikes (0/O, 1/l/I).
     */
    public static String generate(String username) {
        String password;
        do {
            password = randomPassword();
        } while (!violations(username, password).isEmpty());
        return password;
    }

    private static String randomPassword() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        List<Character> chars = new ArrayList<>();
        for (String alphabet : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            chars.add(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        while (chars.size() < GENERATED_LENGTH) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        chars.forEach(password::append);
        return password.toString();
    }
}
