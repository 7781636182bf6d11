package io.clearname.notification.service;

/**
 * How many SMS segments a text takes. GSM-7 (the GSM 03.38 default alphabet) fits 160 characters in one segment and
 * 153 per segment of a longer message; a character of its extension table ({@code ^ { } \ [ ~ ] | €}) counts twice
 * and is never split across segments. Any other character makes the whole text UCS-2: 70 UTF-16 units in one segment,
 * 67 per segment of a longer one, never splitting a surrogate pair. Chinese texts are always UCS-2.
 */
public final class SmsSegments {

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    /** A text's encoding, its length in encoding units (septets or UTF-16 units) and its segment count. */
    public record Count(Encoding encoding, int units, int segments) {}

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {}

    public static Count count(String text) {
        if (text == null || text.isEmpty()) {
            return new Count(Encoding.GSM_7, 0, 0);
        }
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        return gsm ? gsm7(text) : ucs2(text);
    }

    private static Count gsm7(String text) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (units <= 160) {
            return new Count(Encoding.GSM_7, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + width > 153) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new Count(Encoding.GSM_7, units, segments);
    }

    private static Count ucs2(String text) {
        int units = text.length();
        if (units <= 70) {
            return new Count(Encoding.UCS_2, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + width > 67) {
                segments++;
                used = 0;
            }
            used += width;
            i += width - 1;
        }
        return new Count(Encoding.UCS_2, units, segments);
    }
}
