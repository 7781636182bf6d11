package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.ReceivedMail;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.Mailbox;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** This service against the event contracts: it consumes the schemas' examples and publishes what its schema allows. */
@QuarkusTest
class EventContractTest {

    @Test
    void schemaExamplesAreConsumedAndThePublishedNoticesMatchTheirSchema() {
        // The first examples of the four schemas are one request (zh-CN, CLEARED, a complaint, a delay); fresh ids and
        // contact points keep it ours.
        UUID requestId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ObjectNode requested = example(EventType.CLEAR_REQUESTED, requestId, accountId);
        ((ObjectNode) requested.get("contact")).put("email", email);
        ((ObjectNode) requested.get("contact")).put("phone", Events.uniquePhone());

        try (var producer = new RecordSender(KafkaTestResource.bootstrapServers())) {
            send(producer, EventType.CLEAR_REQUESTED, requested);
            send(producer, EventType.COMPLAINT_RECEIVED, example(EventType.COMPLAINT_RECEIVED, requestId, accountId));
            send(producer, EventType.AUDIT_DELAYED, example(EventType.AUDIT_DELAYED, requestId, accountId));
            // The outcome supersedes a delay notice not sent yet (docs/event-ordering.md): it comes once that went out.
            userNotified(requestId, 6);
            send(producer, EventType.CLEARING_CONCLUDED, example(EventType.CLEARING_CONCLUDED, requestId, accountId));
        }

        List<String> published = userNotified(requestId, 8);
        assertThat(published)
                .hasSize(8)
                .allSatisfy(json -> assertThat(EventSchemas.problems(EventType.USER_NOTIFIED, json))
                        .isEmpty());
        List<ReceivedMail> mails = Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), email);
        assertThat(mails)
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder("我们已收到您清除实名信息的申请", "我们已收到您对清除申请的投诉", "您的清除申请审核时间比预期更长", "您的实名信息已清除");
        assertThat(mails.stream()
                        .filter(m -> m.subject().equals("您的实名信息已清除"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .contains("VIP 会员", "云存储空间");
    }

    @Test
    void theExamplesOfTheJourneysStepsAreConsumed() {
        // One request (zh-CN) with the examples of the four schemas of the steps a person waits on, both appeal
        // decisions included; none concludes the request, so none is superseded.
        UUID requestId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ObjectNode requested = example(EventType.CLEAR_REQUESTED, requestId, accountId);
        ((ObjectNode) requested.get("contact")).put("email", email);
        ((ObjectNode) requested.get("contact")).put("phone", Events.uniquePhone());

        try (var producer = new RecordSender(KafkaTestResource.bootstrapServers())) {
            send(producer, EventType.CLEAR_REQUESTED, requested);
            send(producer, EventType.REVIEW_STARTED, example(EventType.REVIEW_STARTED, requestId, accountId));
            send(producer, EventType.CLEARING_APPROVED, example(EventType.CLEARING_APPROVED, requestId, accountId));
            send(producer, EventType.COMPLAINT_ANSWERED, example(EventType.COMPLAINT_ANSWERED, requestId, accountId));
            send(producer, EventType.APPEAL_DECIDED, example(EventType.APPEAL_DECIDED, requestId, accountId));
            ObjectNode upheld = EventSchemas.example(EventType.APPEAL_DECIDED, 1);
            upheld.put("requestId", requestId.toString());
            upheld.put("accountId", accountId.toString());
            send(producer, EventType.APPEAL_DECIDED, upheld);
        }

        assertThat(userNotified(requestId, 12))
                .hasSize(12)
                .allSatisfy(json -> assertThat(EventSchemas.problems(EventType.USER_NOTIFIED, json))
                        .isEmpty());
        assertThat(Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), email))
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder(
                        "我们已收到您清除实名信息的申请",
                        "审核员正在审核您清除实名信息的申请",
                        "您清除实名信息的申请已通过",
                        "我们已答复您对清除申请的投诉",
                        "您的申诉成功：原驳回决定已撤销",
                        "您的申诉已有结果：维持原驳回决定");
    }

    private static List<String> userNotified(UUID requestId, int atLeast) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> EventRecords.about(Topics.USER_NOTIFIED, requestId).stream()
                                .map(ConsumerRecord::value)
                                .toList(),
                        p -> p.size() >= atLeast);
    }

    private static void send(RecordSender producer, EventType type, ObjectNode payload) {
        producer.sendCloudEvent(
                type.topic(),
                payload.get("accountId").asText(),
                payload.toString(),
                UUID.randomUUID().toString(),
                type.ceType());
    }

    private static ObjectNode example(EventType type, UUID requestId, UUID accountId) {
        ObjectNode example = EventSchemas.example(type, 0);
        example.put("requestId", requestId.toString());
        example.put("accountId", accountId.toString());
        return example;
    }
}
