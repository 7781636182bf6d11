package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void anyChineseLocaleGetsSimplifiedChineseAndEverythingElseEnglish() {
        assertThat(Languages.of("zh-CN")).isEqualTo("zh-CN");
        assertThat(Languages.of("zh")).isEqualTo("zh-CN");
        assertThat(Languages.of("zh_CN")).isEqualTo("zh-CN");
        assertThat(Languages.of("zh-Hans-CN")).isEqualTo("zh-CN");
        assertThat(Languages.of("en-GB")).isEqualTo("en");
        assertThat(Languages.of("fr")).isEqualTo("en");
        assertThat(Languages.of("")).isEqualTo("en");
        assertThat(Languages.of(null)).isEqualTo("en");
    }
}
