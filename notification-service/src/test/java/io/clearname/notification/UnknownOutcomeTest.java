package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.UserNotified;
import io.clearname.local.SmsPost;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.SmsOutbox;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.service.DeliveryDispatcher;
import io.clearname.notification.service.DeliveryService;
import io.clearname.notification.service.Dispatch;
import io.clearname.notification.service.NoticeKeys;
import io.clearname.notification.service.SendResult;
import io.clearname.notification.service.SmsSender;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send that times out after the notice was handed over is "outcome unknown": the notice is held, not sent again
 * while the first copy may still arrive. Counted where the notices arrive: Message-IDs handed over at {@link
 * SmtpRelay}, POSTs at the SMS stand-in. The test profile waits 5 s for the SMTP server and 1 s for the gateway, and
 * holds a notice 5 s.
 */
@QuarkusTest
class UnknownOutcomeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Whether this JVM has sent a notice on both channels; the class loader's copy, once per test profile. */
    private static final AtomicBoolean WARM = new AtomicBoolean();

    @ConfigProperty(name = "quarkus.mailer.timeout")
    Duration mailTimeout;

    @Inject
    NotificationConfig config;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    DeliveryService delivery;

    @Inject
    SmsSender sms;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The first notices of a JVM load the mail and REST clients, which may take longer than a send timeout on a busy
     * machine; the timings here are about a server that stalls, not about a cold client.
     */
    @BeforeEach
    void warmUp() {
        if (WARM.compareAndSet(false, true)) {
            ClearRequested requested = request();
            String requestedId = EventRecords.publish(requested);
            Events.awaitBothChannels(requested.requestId(), requestedId);
        }
    }

    @AfterEach
    void thawAndRunTheDispatcher() {
        SmsOutbox.endStall(Outboxes.sms());
        dispatcher.start();
    }

    @Test
    void anEmailWhoseServerStallsAfterTheHandOverIsNotSentAgainAndItsLateReplyDeliversIt() {
        ClearRequested requested = request();
        String email = requested.contact().email();
        // Longer than one send timeout, well within the timeout plus the hold.
        SmtpRelay.holdReplyToNext(email, mailTimeout.plus(hold().dividedBy(2)));

        String requestedId = EventRecords.publish(requested);

        await("the send times out: outcome unknown")
                .atMost(WAIT)
                .until(
                        () -> attemptLog(requested, Channel.EMAIL),
                        log -> outcomes(log).equals(List.of("UNKNOWN")));
        Map<String, Object> held = job(requested, Channel.EMAIL);
        assertThat(held).containsEntry("status", "PENDING").containsEntry("lastError", "TIMEOUT");
        Map<String, Object> attempt = attemptLog(requested, Channel.EMAIL).get(0);
        assertThat(Duration.between(Instant.parse((String) attempt.get("finishedAt")), Instant.parse((String)
                        held.get("nextAttemptAt"))))
                .as("held for the hold, not the 100 ms backoff")
                .isGreaterThanOrEqualTo(hold().minusMillis(50));

        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.EMAIL);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(attemptLog(requested, Channel.EMAIL))
                .extracting(a -> a.get("outcome") + " " + a.get("error"))
                .containsExactly("DELIVERED LATE_REPLY");
        // Past the end of the hold: the late reply settled the notice, nothing was sent again.
        await().during(hold().plusSeconds(1))
                .atMost(hold().plusSeconds(10))
                .until(() -> SmtpRelay.messageIds(email).size() == 1);
        assertThat(SmtpRelay.messageIds(email)).containsExactly(NoticeKeys.messageId(requestedId, messageIdDomain()));
        assertThat(Outboxes.mailsTo(email)).hasSize(1);
        assertThat(job(requested, Channel.EMAIL)).containsEntry("status", "DELIVERED");
    }

    @Test
    void aReplyJustAfterTheSendTimedOutStillSettlesTheNoticeWithoutASecondMail() {
        ClearRequested requested = request();
        String email = requested.contact().email();
        // The reply comes about when the UNKNOWN is being recorded: whichever is first, the reply must count.
        SmtpRelay.holdReplyToNext(email, mailTimeout.plusMillis(100));

        String requestedId = EventRecords.publish(requested);

        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.EMAIL);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(attemptLog(requested, Channel.EMAIL))
                .extracting(a -> a.get("outcome") + " " + a.get("error"))
                .containsExactly("DELIVERED LATE_REPLY");
        await().during(hold().plusSeconds(1))
                .atMost(hold().plusSeconds(10))
                .until(() -> SmtpRelay.messageIds(email).size() == 1);
    }

    @Test
    void anSmsWhoseGatewayFreezesIsNotPostedAgainWhileTheFirstMayStillGoOut() {
        ClearRequested requested = request();
        String phone = requested.contact().phone();
        SmsOutbox.stallTo(Outboxes.sms(), phone, Duration.ofSeconds(60));

        String requestedId = EventRecords.publish(requested);

        await("the read times out: outcome unknown")
                .atMost(WAIT)
                .until(
                        () -> attemptLog(requested, Channel.SMS),
                        log -> outcomes(log).equals(List.of("UNKNOWN")));
        assertThat(job(requested, Channel.SMS)).containsEntry("status", "PENDING");
        await("no second POST while the gateway is frozen")
                .during(hold().dividedBy(2))
                .atMost(hold())
                .until(() -> Outboxes.postsTo(phone).size() == 1);
        Instant thawed = Instant.now();
        SmsOutbox.endStall(Outboxes.sms());

        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(2);
        List<SmsPost> posts = Outboxes.postsTo(phone);
        assertThat(posts).extracting(SmsPost::repeat).containsExactly(false, true);
        assertThat(posts)
                .extracting(SmsPost::idempotencyKey)
                .containsOnly(NoticeKeys.idempotencyKey(requestedId, Channel.SMS));
        assertThat(posts.get(1).receivedAt()).isAfter(thawed);
        assertThat(Outboxes.textsTo(phone)).hasSize(1);
        List<Map<String, Object>> attempts = attemptLog(requested, Channel.SMS);
        assertThat(attempts)
                .extracting(a -> a.get("outcome") + " " + a.get("error"))
                .containsExactly("UNKNOWN TIMEOUT", "DELIVERED null");
        assertThat(Duration.between(Instant.parse((String) attempts.get(0).get("finishedAt")), Instant.parse((String)
                        attempts.get(1).get("startedAt"))))
                .isGreaterThanOrEqualTo(hold().minusMillis(50));
    }

    @Test
    void aServerHoldingAMailLongerThanTimeoutPlusHoldGetsASecondCopyWithTheSameMessageId() {
        ClearRequested requested = request();
        String email = requested.contact().email();
        SmtpRelay.holdReplyToNext(email, mailTimeout.plus(hold()).plusSeconds(2));

        String requestedId = EventRecords.publish(requested);

        // The documented bound: past the timeout and the hold, the notice goes again, with the same Message-ID.
        await().atMost(WAIT).until(() -> SmtpRelay.messageIds(email).size() == 2);
        String messageId = NoticeKeys.messageId(requestedId, messageIdDomain());
        assertThat(SmtpRelay.messageIds(email)).containsOnly(messageId);
        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.EMAIL);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(2);
        // The first reply comes at last: its attempt row tells the truth, the job and its UserNotified stay as they
        // are.
        await().atMost(WAIT)
                .until(
                        () -> attemptLog(requested, Channel.EMAIL),
                        log -> outcomes(log).equals(List.of("DELIVERED", "DELIVERED")));
        assertThat(attemptLog(requested, Channel.EMAIL))
                .extracting(a -> a.get("error"))
                .containsExactly("LATE_REPLY", null);
        await().atMost(WAIT).until(() -> Outboxes.mailsTo(email).size() == 2);
        assertThat(Events.userNotified(requested.requestId(), requestedId)).hasSize(2);
    }

    @Test
    void failuresBeforeTheHandOverAreStillRetriedAfterTheBackoffNotHeld() {
        ClearRequested requested = request();
        SmsOutbox.failNextTo(Outboxes.sms(), requested.contact().phone(), 503, 1);
        SmtpRelay.refuseNext(requested.contact().email(), 451, 1);

        String requestedId = EventRecords.publish(requested);

        List<UserNotified> notices = Events.awaitBothChannels(requested.requestId(), requestedId);
        for (Channel channel : Channel.values()) {
            UserNotified notice = Events.on(notices, UserNotified.Channel.valueOf(channel.name()));
            assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
            assertThat(notice.attempts()).isEqualTo(2);
            List<Map<String, Object>> attempts = attemptLog(requested, channel);
            assertThat(outcomes(attempts)).containsExactly("RETRY", "DELIVERED");
            assertThat(Duration.between(
                            Instant.parse((String) attempts.get(0).get("finishedAt")),
                            Instant.parse((String) attempts.get(1).get("startedAt"))))
                    .as("%s: the backoff, not the hold", channel)
                    .isLessThan(hold().dividedBy(2));
        }
        assertThat(Outboxes.postsTo(requested.contact().phone())).hasSize(1);
        assertThat(Outboxes.textsTo(requested.contact().phone())).hasSize(1);
        assertThat(Outboxes.mailsTo(requested.contact().email())).hasSize(1);
    }

    @Test
    void aLastAttemptWhoseOutcomeStaysUnknownEndsFailedAfterItsHoldWithoutAnotherSend() throws SQLException {
        dispatcher.stop();
        ClearRequested requested = request();
        String requestedId = EventRecords.publish(requested);
        await().atMost(WAIT).until(() -> Outboxes.jobStatuses(requested.requestId()), s -> s.size() == 2);
        UUID smsJobId = UUID.fromString((String) job(requested, Channel.SMS).get("notificationId"));
        int last = config.retry().maxAttempts();
        update("UPDATE notification_job SET attempts = ? WHERE id = ?", last - 1, smsJobId);

        Dispatch lastAttempt = claim(smsJobId);
        assertThat(lastAttempt.attempt()).isEqualTo(last);
        assertThat(delivery.record(lastAttempt, new SendResult.Unknown("TIMEOUT", null)))
                .isEqualTo(DeliveryService.Recorded.UNKNOWN);
        assertThat(job(requested, Channel.SMS)).containsEntry("status", "PENDING");
        // The hold passes without an answer.
        update("UPDATE notification_job SET next_attempt_at = now() - interval '1 second' WHERE id = ?", smsJobId);

        dispatcher.start();

        UserNotified notice =
                Events.on(Events.awaitBothChannels(requested.requestId(), requestedId), UserNotified.Channel.SMS);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(notice.attempts()).isEqualTo(last);
        assertThat(job(requested, Channel.SMS))
                .containsEntry("status", "FAILED")
                .containsEntry("lastError", "OUTCOME_UNKNOWN");
        assertThat(attemptLog(requested, Channel.SMS))
                .extracting(a -> a.get("outcome") + " " + a.get("error"))
                .containsExactly("UNKNOWN TIMEOUT");
        assertThat(Outboxes.postsTo(requested.contact().phone())).isEmpty();
    }

    private Duration hold() {
        return config.delivery().unknownOutcomeHold();
    }

    private String messageIdDomain() {
        return config.mail().messageIdDomain();
    }

    /** Claims SMS jobs as a dispatcher does until it gets {@code jobId}; the others it claims on the way it sends. */
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

    private void update(String sql, Object... parameters) throws SQLException {
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static ClearRequested request() {
        return Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
    }

    private static Map<String, Object> job(ClearRequested requested, Channel channel) {
        return Outboxes.deliveryLog(requested.requestId()).getMap("find { it.channel == '" + channel + "' }");
    }

    /** The channel's attempts, oldest first; none before its job exists. */
    private static List<Map<String, Object>> attemptLog(ClearRequested requested, Channel channel) {
        List<Map<String, Object>> log = Outboxes.deliveryLog(requested.requestId())
                .getList("find { it.channel == '" + channel + "' }.attemptLog");
        return log == null ? List.of() : log;
    }

    private static List<Object> outcomes(List<Map<String, Object>> attempts) {
        return attempts.stream().map(a -> a.get("outcome")).toList();
    }
}
