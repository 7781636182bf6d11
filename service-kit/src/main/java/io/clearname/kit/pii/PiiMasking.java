package io.clearname.kit.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data that has a recognisable shape: 18-character national ID numbers, phone numbers and email
 * addresses. Used for contact points in logs and views, for free text people type (complaints), and by {@link
 * PiiLogFilter} on every log line. Names have no shape to recognise: code never logs them, and the suite's scan tests
 * check that.
 */
public final class PiiMasking {

    /** An 18-character ID number: 6-digit region, a 19xx/20xx birth date, 3 digits and a check character. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![0-9A-Za-z])");

    /** E.164 numbers (+ and 8 to 15 digits) and mainland mobile numbers (11 digits starting 13-19). */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+\\d{8,15}|1[3-9]\\d{9})(?![\\w])");

    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[\\w.+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private PiiMasking() {}

    /** {@code text} with every ID number, phone number and email address masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(ID_NUMBER, text, PiiMasking::maskIdNumber);
        masked = replace(EMAIL, masked, PiiMasking::maskEmail);
        return replace(PHONE, masked, PiiMasking::maskPhone);
    }

    /** Whether {@code text} holds something {@link #mask} would change. */
    public static boolean containsPii(String text) {
        return text != null
                && (ID_NUMBER.matcher(text).find()
                        || PHONE.matcher(text).find()
                        || EMAIL.matcher(text).find());
    }

    /** {@code 110105194912310021} becomes {@code 110***********0021}. */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return "***";
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    /** {@code +8613800000000} becomes {@code +86*******0000}; enough to tell two numbers apart, not to call one. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        if (phone.length() <= 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** {@code person@example.com} becomes {@code p***@example.com}. */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> masker) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        var out = new StringBuilder();
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(masker.apply(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
