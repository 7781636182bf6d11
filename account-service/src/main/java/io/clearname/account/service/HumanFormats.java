package io.clearname.account.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts, sizes and times as a person reads them inside a text. The exact values stay in the JSON fields beside the
 * texts (cents, bytes, ISO-8601 instants) for clients that render their own.
 */
final class HumanFormats {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    /** Chinese accounts read Beijing time, everyone else UTC; each text names its zone. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private HumanFormats() {}

    /** Cents as yuan with two decimals: {@code 1250} is {@code 12.50}. */
    static String money(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    /**
     * Bytes in binary units with at most one decimal, as storage plans are sold: {@code 13421772800} is {@code 12.5
     * GB}, {@code 53687091200} is {@code 50 GB}.
     */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        // 1023.95 and more would print as 1024.0 of the unit below.
        while (value >= 1023.95 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + UNITS[unit];
    }

    /**
     * A time to the minute, in Beijing time for Chinese ({@code 2026-12-22 10:15}) and in UTC otherwise ({@code
     * 2026-12-22 02:15}); the texts name the zone.
     */
    static String dateTime(Instant instant, String language) {
        return MINUTES.format(instant.atZone(Texts.language(language).equals("zh-CN") ? BEIJING : ZoneOffset.UTC));
    }
}
