package com.propcloud.pms.asset.occupancy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chinese licence plates (GA 36): a province's abbreviation, the issuing office's letter, then five
 * characters for ordinary plates, or six for new-energy plates (D or F marks electric or hybrid: small
 * vehicles put it first, large ones last). Letters I and O are never issued, being read as 1 and 0.
 */
final class PlateNumbers {

    private static final String PROVINCE = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]";
    private static final String LETTER = "[A-HJ-NP-Z]";
    private static final String CHARACTER = "[A-HJ-NP-Z0-9]";

    private static final Pattern ORDINARY = Pattern.compile(PROVINCE + LETTER + CHARACTER + "{4}[A-HJ-NP-Z0-9挂学警港澳领使]");
    private static final Pattern NEW_ENERGY =
            Pattern.compile(PROVINCE + LETTER + "(?:[DF]" + CHARACTER + "[0-9]{4}|[0-9]{5}[DF])");

    private PlateNumbers() {}

    /**
     * The plate as stored (upper case, without the spaces and middle dot people write into it), or
     * empty if it is no valid plate.
     */
    static Optional<String> normalise(String input) {
        String plate =
                input.strip().replace(" ", "").replace("·", "").replace("•", "").toUpperCase(Locale.ROOT);
        boolean valid =
                switch (plate.length()) {
                    case 7 -> ORDINARY.matcher(plate).matches();
                    case 8 -> NEW_ENERGY.matcher(plate).matches();
                    default -> false;
                };
        return valid ? Optional.of(plate) : Optional.empty();
    }
}
