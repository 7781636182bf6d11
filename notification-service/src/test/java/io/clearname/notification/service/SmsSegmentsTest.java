package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.notification.service.SmsSegments.Count;
import io.clearname.notification.service.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextFits160CharactersInOneSegmentAnd153InEachOfMore() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(new Count(Encoding.GSM_7, 161, 2));
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(new Count(Encoding.GSM_7, 306, 2));
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(new Count(Encoding.GSM_7, 307, 3));
    }

    @Test
    void gsm7ExtensionCharactersCountTwiceAndAreNeverSplit() {
        assertThat(SmsSegments.count("[" + "a".repeat(158))).isEqualTo(new Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.count("€" + "a".repeat(159))).isEqualTo(new Count(Encoding.GSM_7, 161, 2));
        // 152 septets, then an escape pair that would straddle the segment boundary: it moves to the second segment.
        String straddling = "a".repeat(152) + "{" + "a".repeat(152);
        assertThat(SmsSegments.count(straddling)).isEqualTo(new Count(Encoding.GSM_7, 306, 3));
    }

    @Test
    void anyCharacterOutsideGsm7MakesTheTextUcs2() {
        assertThat(SmsSegments.count("中".repeat(70))).isEqualTo(new Count(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.count("中".repeat(71))).isEqualTo(new Count(Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.count("中".repeat(134))).isEqualTo(new Count(Encoding.UCS_2, 134, 2));
        assertThat(SmsSegments.count("a".repeat(100) + "’")).isEqualTo(new Count(Encoding.UCS_2, 101, 2));
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossSegments() {
        String straddling = "a".repeat(66) + "😀" + "a".repeat(66);
        assertThat(SmsSegments.count(straddling)).isEqualTo(new Count(Encoding.UCS_2, 134, 3));
    }

    @Test
    void emptyTextTakesNoSegment() {
        assertThat(SmsSegments.count("").segments()).isZero();
    }
}
