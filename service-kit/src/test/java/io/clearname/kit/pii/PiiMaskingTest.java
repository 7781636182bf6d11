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
                .isEqualTo("I am 110***********002X, call +86*******8000 or 139****5678, mail z***@example.com.");
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
