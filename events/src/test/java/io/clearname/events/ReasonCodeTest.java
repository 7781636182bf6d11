package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.Reason.Finality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReasonCodeTest {

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyCodeHasDistinctEnglishAndChineseText(ReasonCode code) {
        assertThat(code.text("en")).isNotBlank().doesNotContain(code.name());
        assertThat(code.text("zh-CN")).isNotBlank().isNotEqualTo(code.text("en"));
    }

    @Test
    void chineseIsChosenForAnyChineseTagAndEnglishOtherwise() {
        var code = ReasonCode.VELOCITY;

        assertThat(code.text("zh")).isEqualTo(code.text("zh-CN")).isEqualTo(code.text("zh-Hans-CN"));
        assertThat(code.text("fr-FR")).isEqualTo(code.text("en"));
        assertThat(code.text(null)).isEqualTo(code.text("en"));
    }

    @Test
    void restrictionsAndRepeatedClearingAreFinalVelocityIsRetry() {
        assertThat(ReasonCode.ACCOUNT_RESTRICTED.finality()).isEqualTo(Finality.FINAL);
        assertThat(ReasonCode.REPEATED_CLEARING.finality()).isEqualTo(Finality.FINAL);
        assertThat(ReasonCode.VELOCITY.finality()).isEqualTo(Finality.RETRY);
        assertThat(ReasonCode.VELOCITY.reason()).isEqualTo(new Reason("VELOCITY", Finality.RETRY));
    }

    @Test
    void anUnknownCodeGetsAGenericTextInTheRequestedLanguage() {
        assertThat(ReasonCode.of("FROM_A_NEWER_CATALOGUE")).isEmpty();
        assertThat(ReasonCode.textOf("FROM_A_NEWER_CATALOGUE", "en")).contains("customer service");
        assertThat(ReasonCode.textOf("FROM_A_NEWER_CATALOGUE", "zh-CN")).contains("客服");
        assertThat(ReasonCode.textOf("VELOCITY", "en")).isEqualTo(ReasonCode.VELOCITY.text("en"));
    }
}
