package io.clearname.notification.service;

/**
 * Masks contact points for log lines: {@code user@example.com} becomes {@code u***@example.com}, {@code +8613800000000}
 * becomes {@code +86******0000}. Enough to tell two addresses apart while debugging, not to contact anyone.
 */
public final class Pii {

    private Pii() {}

    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return "-";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "-";
        }
        if (phone.length() <= 7) {
            return "***";
        }
        return phone.substring(0, 3) + "******" + phone.substring(phone.length() - 4);
    }
}
