package io.clearname.account.service;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts a person reads (preflight, timeline, erasure receipt, export), in the account's language. Each area has
 * a resource bundle under {@code i18n/}: {@code <area>.properties} in English, {@code <area>_zh.properties} in
 * Simplified Chinese, both UTF-8. Values are {@link MessageFormat} patterns: a literal apostrophe is written
 * {@code ''}. {@code TextsTest} checks that both languages have the same keys.
 *
 * <p>The JDK's resource bundles are used rather than a templating extension: these are short sentences with a few
 * arguments, looked up from plain service code, and the bundles cache themselves.
 */
public final class Texts {

    /** The languages texts exist in, as BCP 47 tags; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private Texts() {}

    /** The supported language closest to a BCP 47 tag: {@code zh-CN} for any Chinese tag, {@code en} otherwise. */
    public static String language(String languageTag) {
        return isChinese(languageTag) ? "zh-CN" : "en";
    }

    /**
     * The text of {@code key} in {@code area}'s bundle, in the language closest to {@code languageTag}, with the
     * arguments filled in.
     *
     * @throws MissingResourceException when the key does not exist: a programming error, caught by the tests
     */
    public static String of(String area, String key, String languageTag, Object... arguments) {
        Locale locale = isChinese(languageTag) ? CHINESE : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/" + area, locale, NO_FALLBACK_TO_DEFAULT_LOCALE);
        String pattern = bundle.getString(key);
        return arguments.length == 0
                ? pattern.replace("''", "'")
                : new MessageFormat(pattern, locale).format(arguments);
    }

    private static boolean isChinese(String languageTag) {
        return languageTag != null
                && Locale.forLanguageTag(languageTag).getLanguage().equals("zh");
    }

    /** English is the base bundle: the JVM's default locale must never pick the language. */
    private static final ResourceBundle.Control NO_FALLBACK_TO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
