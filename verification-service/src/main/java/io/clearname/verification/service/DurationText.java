package io.clearname.verification.service;

import java.time.Duration;

/** Durations as the rule results write them for reviewers: thresholds and ages. */
final class DurationText {

    private DurationText() {}

    /** A threshold as people write it: "365d", "24h" (hours below two days), else ISO-8601. */
    static String span(Duration d) {
        if (d.toDays() >= 2 && d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (!d.isZero() && d.toSeconds() % 3_600 == 0) {
            return d.toHours() + "h";
        }
        return d.toString();
    }

    /** "3d 4h 5m"; a negative age (verified after the request) reads as such. */
    static String age(Duration age) {
        String sign = age.isNegative() ? "-" : "";
        Duration a = age.abs();
        return sign + a.toDays() + "d " + a.toHoursPart() + "h " + a.toMinutesPart() + "m";
    }
}
