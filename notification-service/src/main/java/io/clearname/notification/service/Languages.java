package io.clearname.notification.service;

import java.util.Locale;

/** The languages notices are written in: Simplified Chinese for any {@code zh*} locale, English for everything else. */
public final class Languages {
    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    private Languages() {}

    /** {@code zh-CN} for a {@code zh*} BCP 47 tag (also {@code zh_CN}), {@code en} otherwise, missing included. */
    public static String of(String locale) {
        if (locale == null) {
            return ENGLISH;
        }
        String tag = locale.strip().replace('_', '-');
        return Locale.forLanguageTag(tag).getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }
}
