package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void emailKeepsItsFirstLetterAndDomain() {
        assertThat(Pii.maskEmail("user@example.com")).isEqualTo("u***@example.com");
        assertThat(Pii.maskEmail("not-an-address")).isEqualTo("***");
        assertThat(Pii.maskEmail(null)).isEqualTo("-");
        assertThat(Pii.maskEmail("u@" + "d".repeat(200) + ".com")).hasSize(64).endsWith("...");
    }

    @Test
    void phoneKeepsItsPrefixAndLastFourDigits() {
        assertThat(Pii.maskPhone("+8613800000000")).isEqualTo("+86138****0000");
        assertThat(Pii.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(Pii.maskPhone("12345678")).isEqualTo("***");
        assertThat(Pii.maskPhone(null)).isEqualTo("-");
    }
}
