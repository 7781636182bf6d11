package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearRequested;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.SmsOutbox;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A burst of notices is sent several at a time, not one after the other: the gateway stand-in counts the sends it is
 * answering at once. Each text of the burst is answered only after a pause, so that sends dispatched together overlap.
 */
@QuarkusTest
class ConcurrentDispatchTest {

    private static final int BURST = 8;

    @Test
    void aBurstOfTextsIsSentSeveralAtATimeAndEachOnce() {
        List<ClearRequested> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en"));
        }
        for (ClearRequested requested : burst) {
            SmsOutbox.delayNextTo(Outboxes.sms(), requested.contact().phone(), Duration.ofMillis(700), 1);
        }
        SmsOutbox.resetConcurrency(Outboxes.sms());

        List<String> triggers = burst.stream().map(EventRecords::publish).toList();

        for (int i = 0; i < BURST; i++) {
            UserNotified sms = Events.on(
                    Events.awaitBothChannels(burst.get(i).requestId(), triggers.get(i)), UserNotified.Channel.SMS);
            assertThat(sms.status()).isEqualTo(UserNotified.Status.DELIVERED);
            assertThat(Outboxes.textsTo(burst.get(i).contact().phone())).hasSize(1);
        }
        assertThat(SmsOutbox.maxConcurrentSends(Outboxes.sms()))
                .as("texts of the burst in flight at once")
                .isGreaterThan(1);
    }
}
