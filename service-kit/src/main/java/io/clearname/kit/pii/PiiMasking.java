package io.clearname.kit.pii;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule per kind of personal data that has a recognisable shape: 18-character national ID numbers, phone
 * numbers and email addresses. Each rule says how the kind is found in text and how one value of it is masked, and
 * every service uses the same rules: {@link PiiLogFilter} on every log line, contact points shown to people and
 * support ({@link #maskPhone}, {@link #maskEmail}), and free text people type ({@link #redact}, to which a service may
 * add stricter rules of its own). Names have no shape to recognise: code never logs them, and the suite's scan tests
 * check that.
 *
 * <p>Masked values keep what lets the person recognise their own (the country code, the first three and last four
 * digits of a phone number, the first letter and domain of an email) and hide at least four digits, which is not
 * enough to reach anyone. Digits of any script (full-width {@code １３８} as typed with a Chinese input method) count
 * as digits; masked values are written with ASCII digits.
 */
public final class PiiMasking {

    /** What {@link #redact} writes in place of an ID number. */
    public static final String REDACTED_ID_NUMBER = "[id-number]";

    /** What {@link #redact} writes in place of a phone number. */
    public static final String REDACTED_PHONE = "[phone]";

    /** What {@link #redact} writes in place of an email address. */
    public static final String REDACTED_EMAIL = "[email]";

    /** No masked value is longer than this, so a column of this width holds any of them. */
    public static final int MAX_MASKED_LENGTH = 64;

    /** Digits a masked phone number always hides. */
    private static final int HIDDEN_DIGITS = 4;

    // Boundaries are Latin letters and digits only: Chinese text runs into numbers without a space.
    private static final String START = "(?<![0-9A-Za-z])";
    private static final String END = "(?![0-9A-Za-z])";

    /**
     * An 18-character ID number: 6-digit region, a birth date (18xx to 20xx), 3 digits and a check character, as one
     * run or grouped 6-8-4 with spaces or hyphens. Account-service accepts no other shape, so every real ID number has
     * it; an 18-digit number without a birth date in it is not one.
     */
    private static final Pattern ID_NUMBER = Pattern.compile(START
            + "[1-9]\\d{5}([ -]?)(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\1\\d{3}[\\dXx]" + END);

    /**
     * International numbers ({@code +}, 8 to 15 digits, single spaces or hyphens allowed between them) and mainland
     * mobile numbers (11 digits starting 13 to 19, as one run or grouped 3-4-4).
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9A-Za-z+])(?:\\+\\d(?:[ -]?\\d){7,14}" + "|1[3-9]\\d(?:\\d{8}|([ -])\\d{4}\\1\\d{4}))" + END);

    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private record Rule(Pattern pattern, UnaryOperator<String> mask, String placeholder) {}

    // In this order: an ID number is gone before the phone rule could read digits of it, and an email before its
    // local part could pass for a phone number.
    private static final List<Rule> RULES = List.of(
            new Rule(ID_NUMBER, PiiMasking::maskIdNumber, REDACTED_ID_NUMBER),
            new Rule(EMAIL, PiiMasking::maskEmail, REDACTED_EMAIL),
            new Rule(PHONE, PiiMasking::maskPhone, REDACTED_PHONE));

    /**
     * ITU-T E.164 country codes of two digits; 1 and 7 are the one-digit codes, and every other code has three. The
     * codes are prefix-free, so the first digits of a number tell its code's length.
     */
    private static final Set<String> TWO_DIGIT_COUNTRY_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
            "86", "90", "91", "92", "93", "94", "95", "98");

    private PiiMasking() {}

    /**
     * {@code text} with every ID number, email address and phone number masked by its rule, e.g. for a log line;
     * {@code null} stays {@code null}. Masking masked text changes nothing.
     */
    public static String mask(String text) {
        String masked = text;
        for (Rule rule : RULES) {
            masked = replace(rule.pattern(), masked, rule.mask());
        }
        return masked;
    }

    /**
     * {@code text} with every ID number, email address and phone number replaced whole by {@link #REDACTED_ID_NUMBER},
     * {@link #REDACTED_EMAIL} or {@link #REDACTED_PHONE}: for text others read that need not recognise the values, such
     * as a complaint a reviewer reads.
     */
    public static String redact(String text) {
        String redacted = text;
        for (Rule rule : RULES) {
            redacted = replace(rule.pattern(), redacted, value -> rule.placeholder());
        }
        return redacted;
    }

    /** Whether {@code text} holds something {@link #mask} would change. */
    public static boolean containsPii(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String folded = fold(text);
        return RULES.stream().anyMatch(rule -> rule.pattern().matcher(folded).find());
    }

    /**
     * {@code 11010519491231002X} becomes {@code 110***********002X}: the first three and last four characters, the
     * birth date always hidden. Anything that is not an 18-character ID number becomes {@code ***}, so no part of a
     * mistyped one shows.
     */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return idNumber;
        }
        String compact = fold(idNumber).replaceAll("[ -]", "");
        if (!compact.matches("\\d{17}[\\dXx]")) {
            return "***";
        }
        return compact.substring(0, 3) + "*".repeat(11) + compact.substring(14);
    }

    /**
     * {@code +8613912345678} becomes {@code +86 139****5678}, {@code 13912345678} becomes {@code 139****5678}: the
     * country code apart, then the first three and last four digits of the number, as people write and recognise
     * their own. At least four digits are always hidden: a shorter number shows fewer of its first digits ({@code +1
     * 2025550123} becomes {@code +1 20****0123}), and one of eight digits or fewer shows none of them. Spaces, hyphens
     * and brackets are dropped; a value without digits becomes {@code ***}.
     */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String folded = fold(phone.strip());
        String digits = folded.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return "***";
        }
        if (!folded.startsWith("+")) {
            return maskDigits(digits);
        }
        int code = countryCodeLength(digits);
        if (digits.length() <= code) {
            return "+" + "*".repeat(digits.length());
        }
        return "+" + digits.substring(0, code) + " " + maskDigits(digits.substring(code));
    }

    /**
     * {@code zhang.san@example.com} becomes {@code z***@example.com}: the first character and the domain. A value
     * without a local part and a domain becomes {@code ***}; a very long domain is cut to fit {@link
     * #MAX_MASKED_LENGTH}.
     */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String folded = fold(email.strip());
        int at = folded.lastIndexOf('@');
        if (at <= 0 || at == folded.length() - 1) {
            return "***";
        }
        String first = folded.substring(0, folded.offsetByCodePoints(0, 1));
        String masked = first + "***" + folded.substring(at);
        return masked.length() > MAX_MASKED_LENGTH ? masked.substring(0, MAX_MASKED_LENGTH - 3) + "..." : masked;
    }

    /** The first three and last four digits, fewer when that would hide less than {@link #HIDDEN_DIGITS}. */
    private static String maskDigits(String digits) {
        int n = digits.length();
        int last = Math.min(4, Math.max(0, n - HIDDEN_DIGITS));
        int first = Math.min(3, Math.max(0, n - HIDDEN_DIGITS - last));
        return digits.substring(0, first) + "*".repeat(n - first - last) + digits.substring(n - last);
    }

    private static int countryCodeLength(String digits) {
        if (digits.charAt(0) == '1' || digits.charAt(0) == '7') {
            return 1;
        }
        return digits.length() >= 2 && TWO_DIGIT_COUNTRY_CODES.contains(digits.substring(0, 2)) ? 2 : 3;
    }

    /**
     * The same text with full-width forms ({@code １３８}, {@code ＠}, {@code ＋}, the ideographic space) and digits of
     * other scripts as their ASCII counterparts, character for character: positions stay the same, so a match in the
     * folded text is the same range of the original.
     */
    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = c;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                folded = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                folded = ' ';
            } else if (c > 0x7F && Character.isDigit(c)) {
                folded = (char) ('0' + Character.digit(c, 10));
            }
            if (folded != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * Replaces each match of {@code pattern} in {@code text}, found in its folded form, by {@code replacement} of the
     * original characters.
     */
    static String replace(Pattern pattern, String text, Function<String, String> replacement) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = pattern.matcher(fold(text));
        if (!matcher.find()) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int from = 0;
        do {
            out.append(text, from, matcher.start())
                    .append(replacement.apply(text.substring(matcher.start(), matcher.end())));
            from = matcher.end();
        } while (matcher.find());
        return out.append(text, from, text.length()).toString();
    }
}
