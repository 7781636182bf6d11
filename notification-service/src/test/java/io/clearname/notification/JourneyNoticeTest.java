package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.ReasonCode;
import io.clearname.events.Topics;
import io.clearname.events.UserNotified;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.TopicReader;
import io.clearname.notification.service.NoticeData;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The notices of the steps a person waits on (approval, review, a complaint's answer, an appeal's decision), each
 * through Kafka: one email and one text per event, whatever the redeliveries, saying what the step means.
 */
@QuarkusTest
class JourneyNoticeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant ERASURE = Instant.parse("2030-03-10T09:16:00Z");
    private static final Instant DUE = Instant.parse("2030-03-17T09:15:30Z");
    private static final Instant WINDOW = Instant.parse("2030-04-07T15:20:00Z");
    private static final String ANSWER = "We checked your request again: a reviewer decides it today.";

    /** Each new event, the notice's subject, and words its text must say. */
    enum Step {
        APPROVED(
                r -> Events.approved(r, Instant.now(), ERASURE),
                "Your request to clear your real-name information was approved",
                "10 March 2030, 17:16 (China Standard Time)",
                "choose Withdraw"),
        IN_REVIEW(
                r -> Events.reviewStarted(r, Instant.now(), DUE),
                "A reviewer is looking at your request to clear your real-name information",
                "by 17 March 2030 at the latest",
                "choose Withdraw"),
        COMPLAINT_ANSWERED(
                r -> Events.complaintAnswered(r, Instant.now(), ANSWER),
                "We answered your complaint about your clearing request",
                ANSWER,
                "filing another complaint"),
        APPEAL_UPHELD(
                r -> Events.appealUpheld(r, Instant.now(), List.of(ReasonCode.ACCOUNT_RESTRICTED.reason())),
                "Your appeal was decided: the rejection stands",
                "- " + ReasonCode.ACCOUNT_RESTRICTED.text("en"),
                "is final"),
        APPEAL_OVERTURNED(
                r -> Events.appealOverturned(
                        r,
                        Instant.now(),
                        List.of(ReasonCode.RECENT_SECURITY_CHANGE.reason()),
                        "It was your own phone number update.",
                        WINDOW),
                "Your appeal succeeded: the rejection was set aside",
                "until 7 April 2030, 23:20 (China Standard Time); it will not be rejected for these reasons",
                "It was your own phone number update.");

        final Function<ClearRequested, ClearnameEvent> event;
        final String subject;
        final String[] says;

        Step(Function<ClearRequested, ClearnameEvent> event, String subject, String... says) {
            this.event = event;
            this.subject = subject;
            this.says = says;
        }
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void eachStepSendsOneMailAndOneTextEvenWhenItsEventIsRedelivered(Step step) {
        UUID account = UUID.randomUUID();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");
        String requestedId = EventRecords.publish(requested);
        Events.awaitBothChannels(requested.requestId(), requestedId);
        ClearnameEvent event = step.event.apply(requested);
        String eventId = UUID.randomUUID().toString();

        EventRecords.publish(event, eventId);
        EventRecords.publish(event, eventId);
        // A later event of the same account and topic: consumed after both copies.
        ClearRequested marker = Events.clearRequested(account, Events.uniqueEmail(), "en");
        EventRecords.publish(marker);
        EventRecords.publish(step.event.apply(marker));

        assertThat(Events.awaitBothChannels(requested.requestId(), eventId))
                .extracting(UserNotified::status)
                .containsOnly(UserNotified.Status.DELIVERED);
        await().atMost(WAIT)
                .until(() -> Outboxes.mailsTo(marker.contact().email()).size() == 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Outboxes.mailsTo(requested.contact().email()).size() == 2
                        && Outboxes.textsTo(requested.contact().phone()).size() == 2);
        assertThat(Outboxes.deliveryLog(requested.requestId()).getList("template", String.class))
                .containsExactly(
                        "RECEIPT",
                        "RECEIPT",
                        step.name().startsWith("APPEAL") ? "APPEAL_DECIDED" : step.name(),
                        step.name().startsWith("APPEAL") ? "APPEAL_DECIDED" : step.name());
        ReceivedMail mail = Outboxes.mailsTo(requested.contact().email()).get(1);
        assertThat(mail.subject()).isEqualTo(step.subject);
        assertThat(mail.body()).contains(step.says);
        SmsMessage text = Outboxes.textsTo(requested.contact().phone()).get(1);
        assertThat(text.text())
                .contains(requested.requestId().toString().substring(0, 8).toUpperCase());
    }

    @Test
    void theAnswerToAComplaintIsInTheEmailOnlyAndTheTextPointsToIt() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "zh-CN");
        EventRecords.publish(requested);
        String answerId = EventRecords.publish(Events.complaintAnswered(requested, Instant.now(), "已核实，今日处理。"));

        Events.awaitBothChannels(requested.requestId(), answerId);
        assertThat(Outboxes.mailsTo(requested.contact().email()))
                .anySatisfy(m -> assertThat(m.body()).contains("已核实，今日处理。", "再次提交投诉"));
        assertThat(Outboxes.textsTo(requested.contact().phone()))
                .anySatisfy(t -> assertThat(t.text()).contains("请在邮件或申请页面查看答复").doesNotContain("已核实"));
    }

    @Test
    void anAnswerOfTheLongestAllowedLengthIsSentAndALongerOneIsDeadLettered() {
        UUID account = UUID.randomUUID();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");
        EventRecords.publish(requested);
        // Quotes and line breaks double in the stored JSON: the longest answer still fits its column.
        String longest = "\"\n".repeat(NoticeData.MAX_TEXT_LENGTH / 2);
        String tooLongId = EventRecords.publish(Events.complaintAnswered(requested, Instant.now(), longest + "x"));
        String longestId = EventRecords.publish(Events.complaintAnswered(requested, Instant.now(), longest));

        assertThat(Events.awaitBothChannels(requested.requestId(), longestId))
                .extracting(UserNotified::status)
                .containsOnly(UserNotified.Status.DELIVERED);
        assertThat(TopicReader.readAll(
                                KafkaTestResource.bootstrapServers(),
                                Topics.deadLetter(Topics.COMPLAINT_ANSWERED, "notification-service"))
                        .stream()
                        .filter(r -> account.toString().equals(r.key())))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        assertThat(Events.userNotified(requested.requestId(), tooLongId)).isEmpty();
    }
}
