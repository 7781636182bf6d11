package io.clearname.verification.service;

import io.clearname.kit.pii.PiiMasking;
import java.util.regex.Pattern;

/**
 * Blanks out what looks like personal data in text a person typed (a complaint), before it is stored. First the
 * kit's rules ({@link PiiMasking#redact}: ID numbers, emails, phone numbers, digits of any script), then two stricter
 * rules of its own, since reviewers never need a number a person wrote: any 18 characters shaped like an ID number,
 * birth date or not, become {@code [id-number]}; any other run of 7 or more digits (single spaces or hyphens allowed
 * between them, an optional leading {@code +}) becomes {@code [phone]}. It errs on the side of masking: a 7-digit
 * order number is masked too. Dates written as {@code 2026-03-02} are left alone.
 */
public final class ComplaintMasker {

    // UNICODE_CHARACTER_CLASS: \d also matches full-width digits, as typed with a Chinese input method. Boundaries are
    // Latin letters and digits only, since Chinese text runs into numbers without a space.
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern ID_NUMBER_SHAPE =
            Pattern.compile("(?<![A-Za-z\\d])\\d{17}[\\dXxＸｘ](?![A-Za-z\\d])", FLAGS);
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![A-Za-z\\d+＋])[+＋]?\\d(?:[ \\-]?\\d){6,}(?![A-Za-z\\d])", FLAGS);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}", FLAGS);

    private ComplaintMasker() {}

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PiiMasking.redact(text);
        masked = ID_NUMBER_SHAPE.matcher(masked).replaceAll(PiiMasking.REDACTED_ID_NUMBER);
        return DIGIT_RUN
                .matcher(masked)
                .replaceAll(m -> DATE.matcher(m.group()).matches() ? m.group() : PiiMasking.REDACTED_PHONE);
    }
}
