package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.verification.service.ComplaintMasker;
import org.junit.jupiter.api.Test;

/** What a person types into a complaint is stored without their ID number, phone numbers or emails. */
class ComplaintMaskerTest {

    @Test
    void masksIdNumbersPhoneNumbersAndEmails() {
        String masked = ComplaintMasker.mask(
                "My ID is 11010519491231002X, call 13800138000 or +86 138-0013-8000, mail li.lei@example.com.");

        assertThat(masked)
                .isEqualTo("My ID is [id-number], call [phone] or [phone], mail [email].")
                .doesNotContain("11010519491231002X", "13800138000", "li.lei@example.com");
    }

    @Test
    void masksNumbersWrittenAmongChineseText() {
        String masked = ComplaintMasker.mask("我的身份证号是110105194912310021，手机１３８００１３８０００，邮箱li.lei@example.com请尽快处理");

        assertThat(masked).isEqualTo("我的身份证号是[id-number]，手机[phone]，邮箱[email]请尽快处理");
    }

    @Test
    void masksMistypedAndGroupedIdNumbersWhole() {
        String masked = ComplaintMasker.mask("ID 11010518001331002X, or 110105 19491231 002X, order 1234567.");

        assertThat(masked).isEqualTo("ID [id-number], or [id-number], order [phone].");
    }

    @Test
    void leavesShortNumbersAndOrdinaryTextAlone() {
        String text = "Waiting since 2026-03-02, 15 days, request 4e2fb4de. Why?";

        assertThat(ComplaintMasker.mask(text)).isEqualTo(text);
    }
}
