package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.local.ReceivedMail;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.Mailbox;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** This service against the event contracts: it consumes the schemas' examples and publishes what its schema allows. */
@QuarkusTest
class EventContractTest {

    @Test
    void schemaExamplesAreConsumedAndThePublishedNoticeMatchesItsSchema() {
        // The first examples of both schemas are one request (zh-CN, CLEARED); fresh ids and address keep it ours.
        UUID requestId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ObjectNode requested = example(EventType.CLEAR_REQUESTED, requestId, accountId);
        ((ObjectNode) requested.get("contact")).put("email", email);
        ObjectNode concluded = example(EventType.CLEARING_CONCLUDED, requestId, accountId);

        try (var producer = new RecordSender(KafkaTestResource.bootstrapServers())) {
            send(producer, EventType.CLEAR_REQUESTED, requested);
            send(producer, EventType.CLEARING_CONCLUDED, concluded);
        }

        List<String> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> Events.userNotifiedPayloads(requestId), p -> !p.isEmpty());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        schemaOf(EventType.USER_NOTIFIED),
                        SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build());
        assertThat(published)
                .allSatisfy(json ->
                        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty());
        List<ReceivedMail> mails = Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), email);
        assertThat(mails).singleElement().extracting(ReceivedMail::subject).isEqualTo("您的实名信息已清除");
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
        ObjectNode example = (ObjectNode) schemaOf(type).path("examples").get(0).deepCopy();
        example.put("requestId", requestId.toString());
        example.put("accountId", accountId.toString());
        return example;
    }

    private static JsonNode schemaOf(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
