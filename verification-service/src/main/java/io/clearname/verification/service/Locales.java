package io.clearname.verification.service;

import java.util.Locale;

/** The language a text is shown in. */
public final class Locales {

    private Locales() {}

    /** The first language of an {@code Accept-Language} header, else {@code fallback}, else English. */
    public static String pick(String acceptLanguage, String fallback) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                var ranges = Locale.LanguageRange.parse(acceptLanguage);
                for (var range : ranges) {
                    if (!range.getRange().equals("*") && range.getWeight() > 0) {
                        return range.getRange();
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is no reason to fail a read; use the fallback.
            }
        }
        return fallback == null || fallback.isBlank() ? "en" : fallback;
    }

    public static boolean isChinese(String languageTag) {
        return languageTag != null
                && Locale.forLanguageTag(languageTag).getLanguage().equals("zh");
    }

    /** A locale from an event, kept short and well-formed. */
    public static String sanitize(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        String tag = Locale.forLanguageTag(languageTag.replace('_', '-')).toLanguageTag();
        return tag.equals("und") || tag.length() > 35 ? null : tag;
    }
}
