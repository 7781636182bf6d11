package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acknowledgement of a complaint says who answers it, by when, and whether the request may still be withdrawn,
 * by the complaint's kind: only an escalation of an open case may be withdrawn; an appeal is final; a complaint (or
 * one of no kind, from producers before the kind existed) goes to customer service.
 */
@QuarkusTest
class ComplaintKindTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant DUE = Instant.parse("2030-03-17T09:15:30Z");

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "ESCALATION, 'A reviewer now looks at the case again, with priority', 'with priority', true",
                "APPEAL, 'A second reviewer, not the one who rejected it', 'A second reviewer decides', false",
                "COMPLAINT, 'Customer service looks into it', 'Customer service answers', false",
                "none, 'Customer service looks into it', 'Customer service answers', false"
            })
    void theAcknowledgementSaysWhoAnswersByWhenAndWhetherTheRequestMayStillBeWithdrawn(
            String kind, String mailSays, String textSays, boolean mayWithdraw) {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(requested);

        String complaintId = EventRecords.publish(Events.complaintReceived(requested, DUE, kind));

        Events.awaitBothChannels(requested.requestId(), complaintId);
        ReceivedMail mail =
                await()
                        .atMost(WAIT)
                        .until(() -> Outboxes.mailsTo(requested.contact().email()), m -> m.size() == 2)
                        .stream()
                        .filter(m -> m.subject().equals("We received your complaint about your clearing request"))
                        .findFirst()
                        .orElseThrow();
        SmsMessage text = textOf(requested);
        assertThat(mail.body()).contains(mailSays).contains("by 17 March 2030 at the latest");
        assertThat(text.text()).contains(textSays).contains("17 March 2030");
        if (mayWithdraw) {
            assertThat(mail.body()).contains("choose Withdraw");
            assertThat(text.text()).contains("withdraw");
        } else {
            assertThat(mail.body()).doesNotContainIgnoringCase("withdraw");
            assertThat(text.text()).doesNotContainIgnoringCase("withdraw");
        }
        if ("APPEAL".equals(kind)) {
            assertThat(mail.body()).contains("That decision is final.");
        }
    }

    private static SmsMessage textOf(ClearRequested requested) {
        List<SmsMessage> texts = await().atMost(WAIT)
                .until(() -> Outboxes.textsTo(requested.contact().phone()), m -> m.size() == 2);
        return texts.stream()
                .filter(t -> t.text().contains("complaint") || t.text().contains("appeal"))
                .findFirst()
                .orElseThrow();
    }
}
