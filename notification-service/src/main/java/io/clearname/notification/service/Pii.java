package io.clearname.notification.service;

/**
 * Masks contact points for log lines and the delivery log: {@code user@example.com} becomes {@code u***@example.com},
 * {@code +8613800000000} becomes {@code +86138****0000}. Enough to tell two contact points apart and for the person to
 * recognise their own, not to contact anyone.
 */
public final class Pii {

    /** The width of the delivery log's column. */
    static final int MAX_MASKED = 64;

    private Pii() {}

    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return "-";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return cut(email.charAt(0) + "***" + email.substring(at));
    }

    /** Keeps the last four digits and what precedes the four before them (country and network prefix). */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "-";
        }
        String number = phone.strip();
        if (number.length() <= 8) {
            return "***";
        }
        return cut(number.substring(0, number.length() - 8) + "****" + number.substring(number.length() - 4));
    }

    private static String cut(String masked) {
        return masked.length() > MAX_MASKED ? masked.substring(0, MAX_MASKED - 3) + "..." : masked;
    }
}
