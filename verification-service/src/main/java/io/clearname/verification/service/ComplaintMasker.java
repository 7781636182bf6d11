package io.clearname.verification.service;

import java.util.regex.Pattern;

/**
 * Blanks out what looks like personal data in text a person typed (a complaint), before it is stored: emails,
 * 18-character national ID numbers, and phone numbers (a run of 7 or more digits, single spaces or hyphens allowed
 * between them, with an optional leading {@code +}). It errs on the side of masking: a 7-digit order number is masked
 * too. Dates written as {@code 2026-03-02} are left alone.
 */
public final class ComplaintMasker {

    public static final String EMAIL = "[email]";
    public static final String ID_NUMBER = "[id-number]";
    public static final String PHONE = "[phone]";

    // UNICODE_CHARACTER_CLASS: \d also matches full-width digits, as typed with a Chinese input method. Boundaries are
    // Latin letters and digits only, since Chinese text runs into numbers without a space.
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+", FLAGS);
    private static final Pattern ID_NUMBER_PATTERN =
            Pattern.compile("(?<![A-Za-z\\d])\\d{17}[\\dXx](?![A-Za-z\\d])", FLAGS);
    private static final Pattern PHONE_PATTERN =
            Pattern.compile("(?<![A-Za-z\\d+])\\+?\\d(?:[ \\-]?\\d){6,}(?![A-Za-z\\d])", FLAGS);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}", FLAGS);

    private ComplaintMasker() {}

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL_PATTERN.matcher(text).replaceAll(EMAIL);
        masked = ID_NUMBER_PATTERN.matcher(masked).replaceAll(ID_NUMBER);
        return PHONE_PATTERN
                .matcher(masked)
                .replaceAll(m -> DATE.matcher(m.group()).matches() ? m.group() : PHONE);
    }
}
