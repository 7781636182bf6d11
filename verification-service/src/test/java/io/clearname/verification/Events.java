package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.clearname.events.Acknowledgement;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays account-service: publishes its events, and reads what verification-service published. */
final class Events {
    private Events() {}

    static String publish(ClearnameEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    static void publish(ClearnameEvent event, String ceId) {
        EventType type = EventType.of(event.getClass());
        RecordSender.send(
                KafkaTestResource.bootstrapServers(),
                type.topic(),
                event.accountId().toString(),
                EventJson.write(event),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        ceId,
                        "ce_type",
                        type.ceType(),
                        "ce_source",
                        "test",
                        "ce_subject",
                        event.requestId().toString()));
    }

    /** Records on {@code topic} about {@code request}, by CloudEvents subject. */
    static List<ConsumerRecord<String, String>> on(String topic, UUID request) {
        return TopicReader.readAll(KafkaTestResource.bootstrapServers(), topic).stream()
                .filter(r -> r.headers().lastHeader("ce_subject") != null
                        && request.toString()
                                .equals(new String(
                                        r.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8)))
                .toList();
    }

    static <T extends ClearnameEvent> T read(ConsumerRecord<String, String> record, Class<T> type) {
        return EventJson.read(record.value(), type);
    }

    static ClearingConcluded concluded(ClearRequested request, ClearingConcluded.Outcome outcome, Instant at) {
        return new ClearingConcluded(request.requestId(), request.accountId(), outcome, List.of(), List.of(), at);
    }

    /** A random identity fingerprint, shaped like account-service's HMAC-SHA256. */
    static String fingerprint() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Asserts that a payload verification-service published is valid against the event's schema. */
    static void assertMatchesSchema(EventType type, String payload) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            EventJson.mapper().readTree(in),
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
            assertThat(schema.validate(payload, InputFormat.JSON)).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ClearRequested that passes every rule unless a test changes it. */
    static Request request(UUID account) {
        return new Request(account);
    }

    static final class Request {
        private final UUID account;
        private UUID requestId = UUID.randomUUID();
        private Instant requestedAt = Instant.now();
        private String locale = "en";
        private Instant verifiedAt = Instant.parse("2021-01-01T00:00:00Z");
        private Instant securityChangeAt;
        private List<String> restrictions = List.of();
        private String fingerprint = Events.fingerprint();

        private Request(UUID account) {
            this.account = account;
        }

        Request requestedAt(Instant at) {
            requestedAt = at;
            return this;
        }

        Request locale(String tag) {
            locale = tag;
            return this;
        }

        Request verifiedAt(Instant at) {
            verifiedAt = at;
            return this;
        }

        Request securityChangeAt(Instant at) {
            securityChangeAt = at;
            return this;
        }

        Request restrictions(String... codes) {
            restrictions = List.of(codes);
            return this;
        }

        Request fingerprint(String value) {
            fingerprint = value;
            return this;
        }

        /** Something that sends the case to a reviewer: a security change yesterday. */
        Request forReview() {
            return securityChangeAt(requestedAt.minus(java.time.Duration.ofDays(1)));
        }

        ClearRequested build() {
            return new ClearRequested(
                    requestId,
                    account,
                    requestedAt,
                    locale,
                    new ClearRequested.Contact("+8613800138000", "person@example.com"),
                    new ClearRequested.AuditSnapshot(
                            Instant.parse("2019-05-01T00:00:00Z"),
                            2000,
                            verifiedAt,
                            securityChangeAt,
                            restrictions,
                            fingerprint),
                    List.of(Acknowledgement.values()));
        }

        /** Builds and publishes it. */
        ClearRequested publish() {
            ClearRequested event = build();
            Events.publish(event);
            return event;
        }
    }
}
