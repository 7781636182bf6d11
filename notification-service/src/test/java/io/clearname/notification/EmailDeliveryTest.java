package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearRequested;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.EventRecords;
import io.clearname.notification.service.NoticeKeys;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Email through a real SMTP server; {@link SmtpRelay} refuses a recipient on demand with a transient (4xx) or a
 * permanent (5xx) reply. The test profile gives a notice 3 attempts.
 */
@QuarkusTest
class EmailDeliveryTest {

    @Test
    void emailRefusedWithATransientReplyIsRetriedAndDeliveredOnceWithItsStableMessageId() {
        ClearRequested requested = request(Events.uniqueEmail());
        SmtpRelay.refuseNext(requested.contact().email(), 451, 2);

        String requestedId = EventRecords.publish(requested);

        UserNotified email =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.EMAIL);
        assertThat(email.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(email.attempts()).isEqualTo(3);
        assertThat(Outboxes.mailsTo(requested.contact().email())).hasSize(1);
        assertThat(attemptLog(requested))
                .extracting(a -> a.get("outcome") + " " + a.get("replyCode"))
                .containsExactly("RETRY 451", "RETRY 451", "DELIVERED null");
        String messageId = NoticeKeys.messageId(requestedId, "notification.clearname.local");
        assertThat(SmtpRelay.messageIds(requested.contact().email())).containsExactly(messageId);
        assertThat(emailJob(requested)).containsEntry("providerMessageId", messageId);
    }

    @Test
    void emailRefusedWithAPermanentReplyFailsAtOnceAndTheSmsStillGoesOut() {
        ClearRequested requested = request(Events.uniqueEmail());
        SmtpRelay.refuseNext(requested.contact().email(), 550, 5);

        String requestedId = EventRecords.publish(requested);

        List<UserNotified> notices = Events.awaitBothChannels(requested.requestId(), requestedId);
        UserNotified email = Events.on(notices, UserNotified.Channel.EMAIL);
        assertThat(email.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(email.attempts()).isEqualTo(1);
        assertThat(Events.on(notices, UserNotified.Channel.SMS).status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(emailJob(requested)).containsEntry("lastError", "SMTP_550");
        assertThat(Outboxes.mailsTo(requested.contact().email())).isEmpty();
    }

    @Test
    void anAddressTheMailerCannotUseFailsAtOnceWithoutQuotingIt() {
        ClearRequested requested = request("not-an-address");

        String requestedId = EventRecords.publish(requested);

        UserNotified email =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.EMAIL);
        assertThat(email.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(email.attempts()).isEqualTo(1);
        assertThat(emailJob(requested).get("lastError").toString()).doesNotContain("not-an-address");
    }

    private static ClearRequested request(String email) {
        return Events.clearRequested(UUID.randomUUID(), email, "en");
    }

    private static Map<String, Object> emailJob(ClearRequested requested) {
        return Outboxes.deliveryLog(requested.requestId()).getMap("find { it.channel == 'EMAIL' }");
    }

    private static List<Map<String, Object>> attemptLog(ClearRequested requested) {
        return Outboxes.deliveryLog(requested.requestId()).getList("find { it.channel == 'EMAIL' }.attemptLog");
    }
}
