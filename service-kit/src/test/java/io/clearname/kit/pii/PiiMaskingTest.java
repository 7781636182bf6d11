package io.clearname.kit.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class PiiMaskingTest {

    @Test
    void masksIdNumbersPhonesAndEmailsInFreeText() {
        String text = "I am 11010519491231002X, call +8613800138000 or 13912345678, mail zhang.san@example.com.";

        assertThat(PiiMasking.mask(text))
                .isEqualTo("I am 110***********002X, call +86 138****8000 or 139****5678, mail z***@example.com.");
    }

    @Test
    void phoneKeepsCountryCodeFirstThreeAndLastFourDigits() {
        assertThat(PiiMasking.maskPhone("+8613912345678")).isEqualTo("+86 139****5678");
        assertThat(PiiMasking.maskPhone("+86 139-1234-5678")).isEqualTo("+86 139****5678");
        assertThat(PiiMasking.maskPhone("13912345678")).isEqualTo("139****5678");
        assertThat(PiiMasking.maskPhone("+4915112345678")).isEqualTo("+49 151****5678");
        assertThat(PiiMasking.maskPhone("+447911123456")).isEqualTo("+44 79****3456");
        assertThat(PiiMasking.maskPhone("+1 (202) 555-0123")).isEqualTo("+1 20****0123");
        assertThat(PiiMasking.maskPhone("+85291234567")).isEqualTo("+852 ****4567");
    }

    @Test
    void phoneAlwaysHidesAtLeastFourDigits() {
        assertThat(PiiMasking.maskPhone("+3545512345")).isEqualTo("+354 ****345");
        assertThat(PiiMasking.maskPhone("12345")).isEqualTo("****5");
        assertThat(PiiMasking.maskPhone("1234")).isEqualTo("****");
        assertThat(PiiMasking.maskPhone("+86")).isEqualTo("+**");
        assertThat(PiiMasking.maskPhone("no digits")).isEqualTo("***");
        assertThat(PiiMasking.maskPhone(null)).isNull();
    }

    @Test
    void emailKeepsFirstCharacterAndDomainWithinTheMaximumLength() {
        assertThat(PiiMasking.maskEmail("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(PiiMasking.maskEmail("not-an-address")).isEqualTo("***");
        assertThat(PiiMasking.maskEmail("@example.com")).isEqualTo("***");
        assertThat(PiiMasking.maskEmail(null)).isNull();
        assertThat(PiiMasking.maskEmail("u@" + "d".repeat(200) + ".com"))
                .hasSize(PiiMasking.MAX_MASKED_LENGTH)
                .startsWith("u***@ddd")
                .endsWith("...");
    }

    @Test
    void idNumberShowsNeitherBirthDateNorAnyPartOfSomethingElse() {
        assertThat(PiiMasking.maskIdNumber("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(PiiMasking.maskIdNumber("110105 19491231 002X")).isEqualTo("110***********002X");
        assertThat(PiiMasking.maskIdNumber("110105194912310")).isEqualTo("***");
        assertThat(PiiMasking.maskIdNumber("11010519491231002X9")).isEqualTo("***");
    }

    @Test
    void anIdNumberIsMaskedWholeHoweverItIsWritten() {
        assertThat(PiiMasking.mask("id 110105-19491231-002X, id 110105 19491231 0021, id １１０１０５１９４９１２３１００２Ｘ"))
                .isEqualTo("id 110***********002X, id 110***********0021, id 110***********002X");
        assertThat(PiiMasking.mask("身份证号110105194912310021手机13912345678"))
                .isEqualTo("身份证号110***********0021手机139****5678");
        assertThat(PiiMasking.mask("+11010519491231002X")).isEqualTo("+110***********002X");
        // The ID number goes first, so an email around it cannot leave part of it behind.
        assertThat(PiiMasking.mask("110105 19491231 002X@example.com")).isEqualTo("110***********0***@example.com");
    }

    @Test
    void phoneNumbersWrittenWithSeparatorsOrFullWidthDigitsAreMasked() {
        assertThat(PiiMasking.mask("call +86 138-0013-8000, 138 0013 8000 or １３８００１３８０００."))
                .isEqualTo("call +86 138****8000, 138****8000 or 138****8000.");
    }

    @Test
    void maskingMaskedTextChangesNothing() {
        String masked = PiiMasking.mask("I am 11010519491231002X, call +8613800138000, mail zhang.san@example.com.");

        assertThat(PiiMasking.mask(masked)).isEqualTo(masked);
        assertThat(PiiMasking.containsPii(masked)).isFalse();
    }

    @Test
    void redactReplacesEachValueWhole() {
        assertThat(PiiMasking.redact("I am 11010519491231002X, call +86 138-0013-8000, mail li.lei@example.com."))
                .isEqualTo("I am [id-number], call [phone], mail [email].");
        assertThat(PiiMasking.redact(null)).isNull();
    }

    @Test
    void leavesIdentifiersTimesAndCountsAlone() {
        String text = "request 4e2fb4de-b2cd-49c8-88d2-e043cc448118 at 2026-03-02T09:15:30Z took 1234567 ms,"
                + " offset 12345678901234, partition 3";

        assertThat(PiiMasking.mask(text)).isEqualTo(text);
        assertThat(PiiMasking.containsPii(text)).isFalse();
    }

    @Test
    void anIdNumberInsideALongerNumberIsNotTakenForOne() {
        assertThat(PiiMasking.mask("9911010519491231002X1")).isEqualTo("9911010519491231002X1");
    }

    @Test
    void logFilterMasksTheFormattedMessageAndExceptionMessages() {
        var record = new ExtLogRecord(Level.WARNING, "binding %s failed", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {"11010519491231002X"});
        record.setThrown(new IllegalStateException(
                "wrapper", new IllegalArgumentException("bad id 11010519491231002X for person@example.com")));

        assertThat(new PiiLogFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("binding 110***********002X failed");
        assertThat(record.getThrown().toString()).isEqualTo("java.lang.IllegalStateException: wrapper");
        assertThat(record.getThrown().getCause().toString())
                .isEqualTo("java.lang.IllegalArgumentException: bad id 110***********002X for p***@example.com");
        assertThat(record.getThrown().getStackTrace()).isNotEmpty();
    }

    @Test
    void logFilterLeavesCleanRecordsUntouched() {
        var record = new ExtLogRecord(Level.INFO, "clearing %s concluded", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {"4e2fb4de-b2cd-49c8-88d2-e043cc448118"});
        var thrown = new IllegalStateException("no personal data here");
        record.setThrown(thrown);

        new PiiLogFilter().isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("clearing 4e2fb4de-b2cd-49c8-88d2-e043cc448118 concluded");
        assertThat(record.getThrown()).isSameAs(thrown);
    }
}
