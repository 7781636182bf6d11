package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ClearingConcluded.Outcome;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.ReasonCode;
import io.clearname.events.UserNotified;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pair of events notification-service can receive in either order (they travel on different topics), delivered
 * both ways through Kafka: what reaches the person on each channel, and in which order (docs/event-ordering.md). A
 * delay, review or approval notice is moot once the request has an outcome; a complaint's answer and an appeal's
 * decision are told whenever they come.
 */
@QuarkusTest
class EventOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The events that need the request's contact snapshot, and the notice each becomes. */
    enum Trigger {
        CLEARED("CLEARED", (r, at) -> concluded(r, Outcome.CLEARED, at)),
        REJECTED("REJECTED", (r, at) -> concluded(r, Outcome.REJECTED, at)),
        WITHDRAWN("WITHDRAWN", (r, at) -> concluded(r, Outcome.WITHDRAWN, at)),
        COMPLAINT("COMPLAINT_RECEIVED", EventOrderTest::complaint),
        DELAY("AUDIT_DELAYED", EventOrderTest::delay),
        APPROVED("APPROVED", EventOrderTest::approved),
        REVIEW("IN_REVIEW", EventOrderTest::review),
        ANSWER("COMPLAINT_ANSWERED", EventOrderTest::answer),
        APPEAL("APPEAL_DECIDED", EventOrderTest::appeal);

        final String kind;
        final BiFunction<ClearRequested, Instant, ClearnameEvent> event;

        Trigger(String kind, BiFunction<ClearRequested, Instant, ClearnameEvent> event) {
            this.kind = kind;
            this.event = event;
        }

        ClearnameEvent of(ClearRequested requested) {
            return event.apply(requested, Instant.now());
        }
    }

    /** The notices the request's outcome makes moot: superseded unless on their way. */
    enum Moot {
        DELAY(Trigger.DELAY),
        APPROVED(Trigger.APPROVED),
        REVIEW(Trigger.REVIEW);

        final Trigger trigger;

        Moot(Trigger trigger) {
            this.trigger = trigger;
        }
    }

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    DeliveryService delivery;

    @Inject
    SmsSender sms;

    @AfterEach
    void runTheDispatcher() {
        dispatcher.start();
    }

    // ClearRequested with each event that needs its contact snapshot.

    @ParameterizedTest
    @EnumSource(Trigger.class)
    void afterTheRequestEachNoticeFollowsTheReceiptOnBothChannels(Trigger trigger) {
        ClearRequested requested = request();
        String requestedId = EventRecords.publish(requested);
        Events.awaitBothChannels(requested.requestId(), requestedId);

        String triggerId = EventRecords.publish(trigger.of(requested));

        assertDelivered(requested, triggerId);
        assertNotices(requested, "RECEIPT", trigger.kind);
    }

    @ParameterizedTest
    @EnumSource(Trigger.class)
    void beforeTheRequestEachNoticeWaitsForItThenFollowsTheReceiptEvenWhenTheReceiptIsRetried(Trigger trigger) {
        ClearRequested requested = request();
        String triggerId = EventRecords.publish(trigger.of(requested));
        awaitStatuses(requested, "PENDING_CONTACT", "PENDING_CONTACT");
        // The receipt's first text fails: were the two sent side by side, the other notice would overtake it.
        SmsOutbox.failNextTo(Outboxes.sms(), requested.contact().phone(), 503, 1);

        String requestedId = EventRecords.publish(requested);

        assertDelivered(requested, requestedId);
        assertDelivered(requested, triggerId);
        assertNotices(requested, "RECEIPT", trigger.kind);
        assertThat(Events.on(Events.userNotified(requested.requestId(), requestedId), UserNotified.Channel.SMS)
                        .attempts())
                .isEqualTo(2);
    }

    // ClearingConcluded and AuditDelayed, ClearingApproved or ReviewStarted: none reaches the person after the outcome.

    @ParameterizedTest
    @CsvSource({"DELAY, WITHDRAWN", "APPROVED, WITHDRAWN", "APPROVED, CLEARED", "REVIEW, REJECTED", "REVIEW, WITHDRAWN"
    })
    void aWaitNoticeBeforeTheOutcomeIsToldFirstThenTheOutcome(Moot moot, Trigger outcome) {
        ClearRequested requested = requestReceipted();
        String mootId = EventRecords.publish(moot.trigger.of(requested));
        assertDelivered(requested, mootId);

        String outcomeId = EventRecords.publish(outcome.of(requested));

        assertDelivered(requested, outcomeId);
        assertNotices(requested, "RECEIPT", moot.trigger.kind, outcome.kind);
    }

    @ParameterizedTest
    @CsvSource({"DELAY, WITHDRAWN", "APPROVED, WITHDRAWN", "APPROVED, CLEARED", "REVIEW, REJECTED", "REVIEW, WITHDRAWN"
    })
    void aWaitNoticeAfterTheOutcomeIsSupersededAndNeverSent(Moot moot, Trigger outcome) {
        ClearRequested requested = requestReceipted();
        String outcomeId = EventRecords.publish(outcome.of(requested));
        assertDelivered(requested, outcomeId);

        // As its producer sends it when it acted before it saw the outcome: dated later.
        String mootId = EventRecords.publish(moot.trigger.of(requested));

        awaitStatusesOf(requested, mootId, "SUPERSEDED", "SUPERSEDED");
        assertNotices(requested, "RECEIPT", outcome.kind);
        assertThat(Events.userNotified(requested.requestId(), mootId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDelayAndAnOutcomeBothBeforeTheRequestGiveTheReceiptAndTheOutcomeOnly(boolean delayFirst) {
        ClearRequested requested = request();
        ClearnameEvent delayed = delay(requested, Instant.now().minusSeconds(60));
        ClearnameEvent withdrawn = concluded(requested, Outcome.WITHDRAWN, Instant.now());
        String delayedId;
        String withdrawnId;
        if (delayFirst) {
            delayedId = EventRecords.publish(delayed);
            awaitStatuses(requested, "PENDING_CONTACT", "PENDING_CONTACT");
            withdrawnId = EventRecords.publish(withdrawn);
        } else {
            withdrawnId = EventRecords.publish(withdrawn);
            awaitStatuses(requested, "PENDING_CONTACT", "PENDING_CONTACT");
            delayedId = EventRecords.publish(delayed);
        }
        awaitStatusesOf(requested, delayedId, "SUPERSEDED", "SUPERSEDED");

        String requestedId = EventRecords.publish(requested);

        assertDelivered(requested, requestedId);
        assertDelivered(requested, withdrawnId);
        assertNotices(requested, "RECEIPT", "WITHDRAWN");
        assertThat(Events.userNotified(requested.requestId(), delayedId)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Moot.class)
    void aWaitNoticeOnItsWayWhenTheOutcomeArrivesGoesFirstAndOneNotYetSentIsSuperseded(Moot moot) {
        ClearRequested requested = requestReceipted();
        dispatcher.stop();
        String delayedId = EventRecords.publish(moot.trigger.of(requested));
        awaitStatusesOf(requested, delayedId, "PENDING", "PENDING");
        // A dispatcher takes the delay's text to the gateway; its answer is not recorded yet. The email is not sent.
        Dispatch delayText = claimSms(delayedId);
        SendResult answer = sms.send(delayText);

        String withdrawnId = EventRecords.publish(concluded(requested, Outcome.WITHDRAWN, Instant.now()));
        awaitStatusesOf(requested, withdrawnId, "PENDING", "PENDING");

        assertThat(statusOf(requested, delayedId, "EMAIL")).isEqualTo("SUPERSEDED");
        assertThat(statusOf(requested, delayedId, "SMS")).isEqualTo("SENDING");
        assertThat(claimAllSms())
                .as("the outcome's text waits for the delay's")
                .noneMatch(d -> d.triggerEventId().equals(withdrawnId));
        delivery.record(delayText, answer);
        dispatcher.start();

        assertDelivered(requested, withdrawnId);
        assertThat(kinds(Outboxes.textsTo(requested.contact().phone()), EventOrderTest::smsKind))
                .containsExactly("RECEIPT", moot.trigger.kind, "WITHDRAWN");
        assertThat(kinds(Outboxes.mailsTo(requested.contact().email()), EventOrderTest::mailKind))
                .containsExactly("RECEIPT", "WITHDRAWN");
        assertThat(Events.userNotified(requested.requestId(), delayedId))
                .extracting(UserNotified::channel)
                .containsExactly(UserNotified.Channel.SMS);
    }

    // ClearingConcluded and ComplaintReceived: both are told, in the order they happened.

    @Test
    void aComplaintBeforeTheOutcomeIsAcknowledgedThenTheOutcomeTold() {
        ClearRequested requested = requestReceipted();
        String complaintId = EventRecords.publish(complaint(requested, Instant.now()));
        assertDelivered(requested, complaintId);

        String rejectedId = EventRecords.publish(rejected(requested, Instant.now()));

        assertDelivered(requested, rejectedId);
        assertNotices(requested, "RECEIPT", "COMPLAINT_RECEIVED", "REJECTED");
    }

    @Test
    void aComplaintAfterTheOutcomeIsAnAppealAndStillAcknowledged() {
        ClearRequested requested = requestReceipted();
        String rejectedId = EventRecords.publish(rejected(requested, Instant.now()));
        assertDelivered(requested, rejectedId);

        String complaintId = EventRecords.publish(complaint(requested, Instant.now()));

        assertDelivered(requested, complaintId);
        assertNotices(requested, "RECEIPT", "REJECTED", "COMPLAINT_RECEIVED");
    }

    @ParameterizedTest
    @CsvSource({"ANSWER, WITHDRAWN", "ANSWER, CLEARED", "APPEAL, REJECTED"})
    void anAnswerOrAnAppealDecisionAfterTheOutcomeIsStillSent(Trigger answer, Trigger outcome) {
        ClearRequested requested = requestReceipted();
        String outcomeId = EventRecords.publish(outcome.of(requested));
        assertDelivered(requested, outcomeId);

        String answerId = EventRecords.publish(answer.of(requested));

        assertDelivered(requested, answerId);
        assertNotices(requested, "RECEIPT", outcome.kind, answer.kind);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOutcomeAndAnAppealDecisionBothBeforeTheRequestAreToldInTheOrderTheyHappened(boolean decisionPublishedFirst) {
        ClearRequested requested = request();
        Instant now = Instant.now();
        ClearnameEvent rejected = rejected(requested, now.minusSeconds(120));
        ClearnameEvent decided = appeal(requested, now.minusSeconds(60));
        publishBothBeforeTheRequest(
                requested, decisionPublishedFirst ? decided : rejected, decisionPublishedFirst ? rejected : decided);

        String requestedId = EventRecords.publish(requested);

        assertDelivered(requested, requestedId);
        awaitAllDelivered(requested, 6);
        assertNotices(requested, "RECEIPT", "REJECTED", "APPEAL_DECIDED");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOutcomeAndAnAppealBothBeforeTheRequestAreToldInTheOrderTheyHappened(boolean appealPublishedFirst) {
        ClearRequested requested = request();
        Instant now = Instant.now();
        ClearnameEvent rejected = rejected(requested, now.minusSeconds(120));
        ClearnameEvent appeal = complaint(requested, now.minusSeconds(60));
        publishBothBeforeTheRequest(
                requested, appealPublishedFirst ? appeal : rejected, appealPublishedFirst ? rejected : appeal);

        String requestedId = EventRecords.publish(requested);

        assertDelivered(requested, requestedId);
        awaitAllDelivered(requested, 6);
        assertNotices(requested, "RECEIPT", "REJECTED", "COMPLAINT_RECEIVED");
    }

    // AuditDelayed and ComplaintReceived: both are told, in the order they happened.

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDelayAndAComplaintBothBeforeTheRequestAreToldInTheOrderTheyHappened(boolean complaintPublishedFirst) {
        ClearRequested requested = request();
        Instant now = Instant.now();
        ClearnameEvent delayed = delay(requested, now.minusSeconds(120));
        ClearnameEvent complaint = complaint(requested, now.minusSeconds(60));
        publishBothBeforeTheRequest(
                requested,
                complaintPublishedFirst ? complaint : delayed,
                complaintPublishedFirst ? delayed : complaint);

        String requestedId = EventRecords.publish(requested);

        assertDelivered(requested, requestedId);
        awaitAllDelivered(requested, 6);
        assertNotices(requested, "RECEIPT", "AUDIT_DELAYED", "COMPLAINT_RECEIVED");
    }

    @Test
    void aComplaintAfterADelayIsAcknowledgedAfterTheDelayNotice() {
        ClearRequested requested = requestReceipted();
        String delayedId = EventRecords.publish(delay(requested, Instant.now()));
        assertDelivered(requested, delayedId);

        String complaintId = EventRecords.publish(complaint(requested, Instant.now()));

        assertDelivered(requested, complaintId);
        assertNotices(requested, "RECEIPT", "AUDIT_DELAYED", "COMPLAINT_RECEIVED");
    }

    @Test
    void aDelayAfterAComplaintIsToldAfterTheAcknowledgement() {
        ClearRequested requested = requestReceipted();
        String complaintId = EventRecords.publish(complaint(requested, Instant.now()));
        assertDelivered(requested, complaintId);

        String delayedId = EventRecords.publish(delay(requested, Instant.now()));

        assertDelivered(requested, delayedId);
        assertNotices(requested, "RECEIPT", "COMPLAINT_RECEIVED", "AUDIT_DELAYED");
    }

    // Helpers.

    private static ClearRequested request() {
        return Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
    }

    /** A request whose receipt went out on both channels. */
    private static ClearRequested requestReceipted() {
        ClearRequested requested = request();
        assertDelivered(requested, EventRecords.publish(requested));
        return requested;
    }

    private static void publishBothBeforeTheRequest(
            ClearRequested requested, ClearnameEvent first, ClearnameEvent then) {
        EventRecords.publish(first);
        awaitStatuses(requested, "PENDING_CONTACT", "PENDING_CONTACT");
        EventRecords.publish(then);
        awaitStatuses(requested, "PENDING_CONTACT", "PENDING_CONTACT", "PENDING_CONTACT", "PENDING_CONTACT");
    }

    private static ClearingConcluded concluded(ClearRequested requested, Outcome outcome, Instant at) {
        return new ClearingConcluded(
                requested.requestId(),
                requested.accountId(),
                outcome,
                outcome == Outcome.REJECTED ? List.of(ReasonCode.VELOCITY.reason()) : List.of(),
                List.of(),
                at);
    }

    private static ClearingConcluded rejected(ClearRequested requested, Instant at) {
        return concluded(requested, Outcome.REJECTED, at);
    }

    private static ComplaintReceived complaint(ClearRequested requested, Instant at) {
        return new ComplaintReceived(
                UUID.randomUUID(), requested.requestId(), requested.accountId(), at, at.plus(Duration.ofDays(15)));
    }

    private static ClearnameEvent approved(ClearRequested requested, Instant at) {
        return Events.approved(requested, at, at.plus(Duration.ofHours(24)));
    }

    private static ClearnameEvent review(ClearRequested requested, Instant at) {
        return Events.reviewStarted(requested, at, at.plus(Duration.ofDays(15)));
    }

    private static ClearnameEvent answer(ClearRequested requested, Instant at) {
        return Events.complaintAnswered(requested, at, "We looked at your request again.");
    }

    private static ClearnameEvent appeal(ClearRequested requested, Instant at) {
        return Events.appealUpheld(requested, at, List.of(ReasonCode.SUSPECTED_MISUSE.reason()));
    }

    private static AuditDelayed delay(ClearRequested requested, Instant at) {
        return new AuditDelayed(requested.requestId(), requested.accountId(), at.minusSeconds(1), at);
    }

    private static void assertDelivered(ClearRequested requested, String triggerId) {
        assertThat(Events.awaitBothChannels(requested.requestId(), triggerId))
                .extracting(UserNotified::status)
                .containsOnly(UserNotified.Status.DELIVERED);
    }

    /** Waits until the request's {@code count} jobs are all delivered. */
    private static void awaitAllDelivered(ClearRequested requested, int count) {
        await().atMost(WAIT)
                .until(
                        () -> Outboxes.jobStatuses(requested.requestId()),
                        s -> s.size() == count && s.stream().allMatch("DELIVERED"::equals));
    }

    /** Exactly these notices reached the person, in this order, on each channel. */
    private static void assertNotices(ClearRequested requested, String... kinds) {
        assertThat(kinds(Outboxes.mailsTo(requested.contact().email()), EventOrderTest::mailKind))
                .as("emails, oldest first")
                .containsExactly(kinds);
        assertThat(kinds(Outboxes.textsTo(requested.contact().phone()), EventOrderTest::smsKind))
                .as("texts, oldest first")
                .containsExactly(kinds);
    }

    private static void awaitStatuses(ClearRequested requested, String... statuses) {
        await().atMost(WAIT).until(() -> Outboxes.jobStatuses(requested.requestId()), s -> s.equals(List.of(statuses)));
    }

    /** Waits until the jobs answering {@code triggerId} have these statuses (SMS, then EMAIL). */
    private static void awaitStatusesOf(ClearRequested requested, String triggerId, String sms, String email) {
        await().atMost(WAIT)
                .until(
                        () -> statusOf(requested, triggerId, "SMS") + " " + statusOf(requested, triggerId, "EMAIL"),
                        (sms + " " + email)::equals);
    }

    private static String statusOf(ClearRequested requested, String triggerId, String channel) {
        Map<String, Object> job = Outboxes.deliveryLog(requested.requestId())
                .getMap("find { it.triggerEventId == '" + triggerId + "' && it.channel == '" + channel + "' }");
        return job == null ? null : (String) job.get("status");
    }

    /** Claims texts as a dispatcher does until it holds the one answering {@code triggerId}; sends the others. */
    private Dispatch claimSms(String triggerId) {
        for (int i = 0; i < 1_000; i++) {
            DeliveryService.Claimed claimed = delivery.claim(Channel.SMS, 1);
            if (claimed.due() == 0) {
                throw new AssertionError("no text of " + triggerId + " was due");
            }
            for (Dispatch dispatch : claimed.sends()) {
                if (dispatch.triggerEventId().equals(triggerId)) {
                    return dispatch;
                }
                delivery.record(dispatch, sms.send(dispatch));
            }
        }
        throw new AssertionError("the text of " + triggerId + " was never claimed");
    }

    /** Claims, sends and records every text that is due; returns what was claimed. */
    private List<Dispatch> claimAllSms() {
        List<Dispatch> sends = delivery.claim(Channel.SMS, 1_000).sends();
        sends.forEach(d -> delivery.record(d, sms.send(d)));
        return sends;
    }

    private static <T> List<String> kinds(List<T> received, java.util.function.Function<T, String> kind) {
        return received.stream().map(kind).toList();
    }

    private static String mailKind(ReceivedMail mail) {
        return switch (mail.subject()) {
            case "We received your request to clear your real-name information" -> "RECEIPT";
            case "Your real-name information has been cleared" -> "CLEARED";
            case "Your request to clear real-name information was not approved" -> "REJECTED";
            case "Your request to clear real-name information was withdrawn" -> "WITHDRAWN";
            case "We received your complaint about your clearing request" -> "COMPLAINT_RECEIVED";
            case "Your clearing request is taking longer than expected" -> "AUDIT_DELAYED";
            case "Your request to clear your real-name information was approved" -> "APPROVED";
            case "A reviewer is looking at your request to clear your real-name information" -> "IN_REVIEW";
            case "We answered your complaint about your clearing request" -> "COMPLAINT_ANSWERED";
            case "Your appeal was decided: the rejection stands" -> "APPEAL_DECIDED";
            default -> "unknown: " + mail.subject();
        };
    }

    private static String smsKind(SmsMessage text) {
        String t = text.text();
        if (t.contains("we got your request")) {
            return "RECEIPT";
        } else if (t.contains("legal name and ID number were removed")) {
            return "CLEARED";
        } else if (t.contains("was not approved")) {
            return "REJECTED";
        } else if (t.contains("was withdrawn")) {
            return "WITHDRAWN";
        } else if (t.contains("we received your complaint")) {
            return "COMPLAINT_RECEIVED";
        } else if (t.contains("was not decided")) {
            return "AUDIT_DELAYED";
        } else if (t.contains("was approved")) {
            return "APPROVED";
        } else if (t.contains("a reviewer is looking")) {
            return "IN_REVIEW";
        } else if (t.contains("we answered your complaint")) {
            return "COMPLAINT_ANSWERED";
        } else if (t.contains("your appeal of the rejected")) {
            return "APPEAL_DECIDED";
        }
        return "unknown: " + t;
    }
}
