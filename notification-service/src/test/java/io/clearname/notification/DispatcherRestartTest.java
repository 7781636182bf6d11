package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.SmsOutbox;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.service.DeliveryDispatcher;
import io.clearname.notification.service.DeliveryService;
import io.clearname.notification.service.Dispatch;
import io.clearname.notification.service.SendResult;
import io.clearname.notification.service.SmsSender;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher keeps nothing in memory: a retry schedule and a send in flight are rows, so a stopped dispatcher (a
 * process that shut down or died) is continued by the next one, and dispatchers of several instances share the jobs
 * without sending one twice.
 */
@QuarkusTest
class DispatcherRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    DeliveryService delivery;

    @Inject
    SmsSender sms;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void runTheDispatcherAgain() {
        dispatcher.start();
    }

    @Test
    void aRetryScheduleSurvivesARestartAndTheNoticeIsDeliveredOnce() {
        dispatcher.stop();
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        SmsOutbox.failNextTo(Outboxes.sms(), requested.contact().phone(), 503, 1);
        String requestedId = EventRecords.publish(requested);
        await().atMost(WAIT).until(() -> Outboxes.jobStatuses(requested.requestId()), s -> s.size() == 2);

        // The process before the restart makes the first attempt, which fails.
        dispatcher.dispatchOnce(Channel.SMS);
        Map<String, Object> scheduled = smsJob(requested);
        assertThat(scheduled).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        Instant due = Instant.parse((String) scheduled.get("nextAttemptAt"));
        // Stopped, nothing happens when the retry falls due.
        Duration untilDue = Duration.between(Instant.now(), due);
        await().pollDelay((untilDue.isNegative() ? Duration.ZERO : untilDue).plusMillis(300))
                .atMost(WAIT)
                .until(() -> smsJob(requested).get("attempts").equals(1));
        assertThat(Outboxes.textsTo(requested.contact().phone())).isEmpty();

        dispatcher.start();

        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(2);
        assertThat(Outboxes.textsTo(requested.contact().phone())).hasSize(1);
    }

    @Test
    void aSendWhoseDispatcherDiedIsRetriedWhenTheLeaseExpiresAndTheGatewaySendsItOnce() throws SQLException {
        dispatcher.stop();
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        String requestedId = EventRecords.publish(requested);
        await().atMost(WAIT).until(() -> Outboxes.jobStatuses(requested.requestId()), s -> s.size() == 2);
        UUID smsJobId = UUID.fromString((String) smsJob(requested).get("notificationId"));

        // A dispatcher claims the SMS and the gateway takes it, then the process dies before recording the answer.
        Dispatch inFlight = claim(smsJobId);
        assertThat(sms.send(inFlight)).isInstanceOf(SendResult.Delivered.class);
        assertThat(smsJob(requested)).containsEntry("status", "SENDING").containsEntry("attempts", 1);
        assertThat(Outboxes.textsTo(requested.contact().phone())).hasSize(1);
        expireLease(smsJobId);

        dispatcher.start();

        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(2);
        assertThat(Outboxes.textsTo(requested.contact().phone()))
                .as("the retry carried the same Idempotency-Key")
                .hasSize(1);
        assertThat(Outboxes.deliveryLog(requested.requestId())
                        .getList("find { it.channel == 'SMS' }.attemptLog.outcome", String.class))
                .containsExactly("ABANDONED", "DELIVERED");
        // The dead dispatcher's answer, should it still come, changes nothing.
        assertThat(delivery.record(inFlight, new SendResult.Delivered("late")))
                .isEqualTo(DeliveryService.Recorded.STALE);
        assertThat(Events.userNotified(requested.requestId(), requestedId)).hasSize(2);
    }

    @Test
    void severalDispatchersShareTheWorkAndNeverSendANoticeTwice() throws Exception {
        dispatcher.stop();
        List<ClearRequested> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
            requests.add(requested);
            EventRecords.publish(requested);
        }
        await().atMost(WAIT)
                .until(() -> requests.stream()
                        .allMatch(r -> Outboxes.jobStatuses(r.requestId()).size() == 2));

        // Four more instances' dispatchers, on both channels, at the same time as this one's.
        ExecutorService others = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (Channel channel : Channel.values()) {
                    rounds.add(others.submit(() -> dispatcher.dispatchOnce(channel)));
                }
            }
            dispatcher.start();
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            others.shutdownNow();
        }

        for (ClearRequested requested : requests) {
            assertThat(Events.awaitBothChannels(requested.requestId(), requestId(requested)))
                    .extracting(n -> n.status() + " after " + n.attempts())
                    .containsOnly("DELIVERED after 1");
            assertThat(Outboxes.textsTo(requested.contact().phone())).hasSize(1);
            assertThat(Outboxes.mailsTo(requested.contact().email())).hasSize(1);
        }
    }

    /** The trigger of the request's receipt, from the delivery log. */
    private static String requestId(ClearRequested requested) {
        return (String) smsJob(requested).get("triggerEventId");
    }

    /** Claims jobs as a dispatcher does until it gets {@code jobId}; the others it claims on the way it sends. */
    private Dispatch claim(UUID jobId) {
        for (int i = 0; i < 1_000; i++) {
            DeliveryService.Claimed claimed = delivery.claim(Channel.SMS, 1);
            if (claimed.due() == 0) {
                throw new AssertionError("job " + jobId + " was not due");
            }
            for (Dispatch dispatch : claimed.sends()) {
                if (dispatch.jobId().equals(jobId)) {
                    return dispatch;
                }
                delivery.record(dispatch, sms.send(dispatch));
            }
        }
        throw new AssertionError("job " + jobId + " never claimed");
    }

    private void expireLease(UUID jobId) throws SQLException {
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(
                        "UPDATE notification_job SET next_attempt_at = now() - interval '1 second' WHERE id = ?")) {
            update.setObject(1, jobId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Map<String, Object> smsJob(ClearRequested requested) {
        return Outboxes.deliveryLog(requested.requestId()).getMap("find { it.channel == 'SMS' }");
    }
}
