package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.account.service.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every text exists in both languages, as a valid pattern, and the language follows the account's tag. */
class TextsTest {

    static Stream<String> areas() throws IOException, URISyntaxException {
        Path dir = Path.of(TextsTest.class.getResource("/i18n").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyTextExistsInEnglishAndChineseAsAValidPattern(String area) throws IOException {
        Properties english = load("/i18n/" + area + ".properties");
        Properties chinese = load("/i18n/" + area + "_zh.properties");

        assertThat(chinese.stringPropertyNames()).as(area).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(new MessageFormat(english.getProperty(key), Locale.ROOT).getFormats())
                    .as(area + "." + key)
                    .hasSameSizeAs(new MessageFormat(chinese.getProperty(key), Locale.ROOT).getFormats());
            assertThat(chinese.getProperty(key)).as(area + "." + key + " (zh)").isNotBlank();
        }
    }

    @Test
    void anyChineseTagReadsChineseAndEverythingElseEnglish() {
        assertThat(Texts.language("zh-CN")).isEqualTo("zh-CN");
        assertThat(Texts.language("zh-Hans-CN")).isEqualTo("zh-CN");
        assertThat(Texts.language("en-GB")).isEqualTo("en");
        assertThat(Texts.language("fr")).isEqualTo("en");
        assertThat(Texts.language(null)).isEqualTo("en");
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TextsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
