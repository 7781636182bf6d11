package io.clearname.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts, sizes and times as the texts show them. */
class HumanFormatsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "1023, 1023 B",
        "1024, 1 KB",
        "1536, 1.5 KB",
        "1048575, 1 MB",
        "1234567, 1.2 MB",
        "3221225472, 3 GB",
        "13421772800, 12.5 GB",
        "53687091200, 50 GB",
        "1099511627776, 1 TB",
    })
    void sizesReadInBinaryUnitsWithAtMostOneDecimal(long bytes, String text) {
        assertThat(HumanFormats.bytes(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "5, 0.05", "1250, 12.50", "20000, 200.00"})
    void moneyReadsInYuanWithTwoDecimals(long cents, String text) {
        assertThat(HumanFormats.money(cents)).isEqualTo(text);
    }

    @Test
    void timesReadInUtcForEnglishAndInBeijingTimeForChinese() {
        Instant instant = Instant.parse("2026-12-21T18:15:59Z");

        assertThat(HumanFormats.dateTime(instant, "en")).isEqualTo("2026-12-21 18:15");
        assertThat(HumanFormats.dateTime(instant, "zh-CN")).isEqualTo("2026-12-22 02:15");
    }
}
