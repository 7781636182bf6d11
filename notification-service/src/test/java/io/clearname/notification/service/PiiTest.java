package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void emailKeepsItsFirstLetterAndDomain() {
        assertThat(Pii.maskEmail("user@example.com")).isEqualTo("u***@example.com");
        assertThat(Pii.maskEmail("not-an-address")).isEqualTo("***");
        assertThat(Pii.maskEmail(null)).isEqualTo("-");
    }

    @Test
    void phoneKeepsItsPrefixAndLastFourDigits() {
        assertThat(Pii.maskPhone("+8613800000000")).isEqualTo("+86******0000");
        assertThat(Pii.maskPhone("12345")).isEqualTo("***");
        assertThat(Pii.maskPhone(null)).isEqualTo("-");
    }
}
