package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearingConcluded.ReceiptLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes in words: entitlements by the codes account-service sends, and the lines of an erasure receipt. */
class NoticeWordsTest {

    @Test
    void vipAndItsOlderNameReadAsVipMembershipAndAnUnknownCodeNeverAsItself() {
        assertThat(Entitlements.describe("VIP", "en")).isEqualTo("VIP membership (auto-renewal is off)");
        assertThat(Entitlements.describe("VIP_MEMBERSHIP", "en")).isEqualTo(Entitlements.describe("VIP", "en"));
        assertThat(Entitlements.describe("CLOUD_STORAGE", "zh-CN")).isEqualTo("云存储空间");
        assertThat(Entitlements.describe("GAME_COINS", "en"))
                .isEqualTo("other rights or services that depended on your real name")
                .doesNotContainIgnoringCase("game");
        assertThat(Entitlements.describe("GAME_COINS", "zh-CN")).isEqualTo("其他依赖实名的权益或服务");
    }

    @Test
    void receiptLinesAreToldByOutcomeAndUnknownOnesSkipped() {
        var lists = ReceiptWords.of(
                List.of(
                        new ReceiptLine("LEGAL_NAME", "REMOVED"),
                        new ReceiptLine("ID_DOCUMENT_IMAGES", "SCHEDULED"),
                        new ReceiptLine("CONTACT_SNAPSHOT", "RETAINED"),
                        new ReceiptLine("VIP", "REVOKED"),
                        new ReceiptLine("SOMETHING_NEW", "REMOVED"),
                        new ReceiptLine("LEGAL_NAME", "SHREDDED")),
                "en",
                30);

        assertThat(lists.removed()).containsExactly("your legal name");
        assertThat(lists.scheduled())
                .containsExactly("the images of your ID document: we asked the image store to delete them");
        assertThat(lists.retained())
                .containsExactly("the phone number and email address these notices go to, for 30 days, then deleted");
    }
}
