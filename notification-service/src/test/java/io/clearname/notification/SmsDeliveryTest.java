package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearRequested;
import io.clearname.events.UserNotified;
import io.clearname.local.SmsPost;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.SmsOutbox;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.service.NoticeKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SMS through the gateway stand-in, made to fail on demand for one number. The test profile gives a notice 3
 * attempts, 100 ms then 200 ms apart (±20 %), the gateway a 1 s read timeout, and holds a notice whose outcome is
 * unknown for 5 s.
 */
@QuarkusTest
class SmsDeliveryTest {

    @Test
    void smsAnswered503IsRetriedWithBackoffAndDeliveredOnce() {
        ClearRequested requested = request();
        SmsOutbox.failNextTo(Outboxes.sms(), phone(requested), 503, 2);

        String requestedId = EventRecords.publish(requested);

        UserNotified sms =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(sms.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(sms.attempts()).isEqualTo(3);
        assertThat(Outboxes.textsTo(phone(requested))).hasSize(1);
        Map<String, Object> job = smsJob(requested);
        assertThat(job).containsEntry("status", "DELIVERED").containsEntry("attempts", 3);
        assertThat(job.get("lastError")).isNull();
        assertThat(attemptLog(requested))
                .extracting(a -> a.get("outcome") + " " + a.get("replyCode"))
                .containsExactly("RETRY 503", "RETRY 503", "DELIVERED null");
        List<Map<String, Object>> attempts = attemptLog(requested);
        assertThat(Duration.between(Instant.parse((String) attempts.get(1).get("finishedAt")), Instant.parse((String)
                        attempts.get(2).get("startedAt"))))
                .as("the second wait is twice the first, less jitter")
                .isGreaterThanOrEqualTo(Duration.ofMillis(160));
    }

    @Test
    void smsTimingOutIsHeldThenSentAgainWithTheSameIdempotencyKeyAndTheGatewaySendsItOnce() {
        ClearRequested requested = request();
        // The stand-in takes the message, then answers after 3 s: the client gives up after 1 s, outcome unknown.
        SmsOutbox.delayNextTo(Outboxes.sms(), phone(requested), Duration.ofSeconds(3), 1);

        String requestedId = EventRecords.publish(requested);

        UserNotified sms =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(sms.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(sms.attempts()).isEqualTo(2);
        assertThat(attemptLog(requested))
                .extracting(a -> a.get("outcome") + " " + a.get("error"))
                .containsExactly("UNKNOWN TIMEOUT", "DELIVERED null");
        assertThat(Outboxes.textsTo(phone(requested)))
                .singleElement()
                .satisfies(text -> assertThat(text.idempotencyKey())
                        .isEqualTo(NoticeKeys.idempotencyKey(requestedId, Channel.SMS)));
        assertThat(Outboxes.postsTo(phone(requested)))
                .as("sent again only after the first answer was due")
                .extracting(SmsPost::repeat)
                .containsExactly(false, true);
    }

    @Test
    void smsRefusedWith400FailsAtOnceWithoutARetry() {
        ClearRequested requested = request();
        SmsOutbox.failNextTo(Outboxes.sms(), phone(requested), 400, 5);

        String requestedId = EventRecords.publish(requested);

        List<UserNotified> notices = Events.awaitBothChannels(requested.requestId(), requestedId);
        UserNotified sms = Events.on(notices, UserNotified.Channel.SMS);
        assertThat(sms.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(sms.attempts()).isEqualTo(1);
        assertThat(Events.on(notices, UserNotified.Channel.EMAIL).status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(attemptLog(requested))
                .extracting(a -> a.get("outcome") + " " + a.get("replyCode"))
                .containsExactly("FAILED 400");
        assertThat(smsJob(requested)).containsEntry("lastError", "HTTP_400");
        assertThat(smsJob(requested).get("failedAt")).isNotNull();
        assertThat(Outboxes.textsTo(phone(requested))).isEmpty();
    }

    @Test
    void smsGatewayDownForGoodStillDeliversTheEmailAndPublishesAFailedSmsNotice() {
        ClearRequested requested = request();
        SmsOutbox.failNextTo(Outboxes.sms(), phone(requested), 503, 1_000);

        String requestedId = EventRecords.publish(requested);

        List<UserNotified> notices = Events.awaitBothChannels(requested.requestId(), requestedId);
        UserNotified sms = Events.on(notices, UserNotified.Channel.SMS);
        assertThat(sms.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(sms.attempts()).isEqualTo(3);
        assertThat(sms.triggerEventId()).isEqualTo(requestedId);
        assertThat(Events.on(notices, UserNotified.Channel.EMAIL).status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(Outboxes.mailsTo(requested.contact().email())).hasSize(1);
        assertThat(Outboxes.textsTo(phone(requested))).isEmpty();
        assertThat(smsJob(requested)).containsEntry("status", "FAILED").containsEntry("lastError", "HTTP_503");
    }

    @Test
    void aRateLimitedSmsWaitsForTheGatewaysRetryAfter() {
        ClearRequested requested = request();
        SmsOutbox.failNextTo(Outboxes.sms(), phone(requested), 429, 1, Duration.ofSeconds(1));

        String requestedId = EventRecords.publish(requested);

        UserNotified sms =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(sms.status()).isEqualTo(UserNotified.Status.DELIVERED);
        List<Map<String, Object>> attempts = attemptLog(requested);
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("RETRY", "DELIVERED");
        assertThat(Duration.between(Instant.parse((String) attempts.get(0).get("finishedAt")), Instant.parse((String)
                        attempts.get(1).get("startedAt"))))
                .as("Retry-After: 1 instead of the 100 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    private static ClearRequested request() {
        return Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
    }

    private static String phone(ClearRequested requested) {
        return requested.contact().phone();
    }

    private static Map<String, Object> smsJob(ClearRequested requested) {
        JsonPath log = Outboxes.deliveryLog(requested.requestId());
        return log.getMap("find { it.channel == 'SMS' }");
    }

    private static List<Map<String, Object>> attemptLog(ClearRequested requested) {
        return Outboxes.deliveryLog(requested.requestId()).getList("find { it.channel == 'SMS' }.attemptLog");
    }
}
