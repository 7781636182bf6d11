package io.clearname.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.EventJson;
import io.clearname.local.testing.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What the topics hold, read whole at the moment of the call (no consumer group), grouped by request. */
final class EventLog {
    static final String CE_ID = "ce_id";
    static final String CE_SUBJECT = "ce_subject";

    private final Map<String, List<ConsumerRecord<String, String>>> byTopic;

    private EventLog(Map<String, List<ConsumerRecord<String, String>>> byTopic) {
        this.byTopic = byTopic;
    }

    /** Reads every record of {@code topics} now. */
    static EventLog read(String bootstrapServers, Collection<String> topics) {
        return new EventLog(topics.stream()
                .collect(Collectors.toMap(topic -> topic, topic -> TopicReader.readAll(bootstrapServers, topic))));
    }

    /** The records of {@code topic} whose {@code ce_subject} is the request, in partition order. */
    List<ConsumerRecord<String, String>> about(String topic, UUID requestId) {
        return records(topic).stream()
                .filter(r -> header(r, CE_SUBJECT)
                        .filter(requestId.toString()::equals)
                        .isPresent())
                .toList();
    }

    /** The distinct {@code ce_id}s of the request's records on {@code topic}: duplicates of one event count once. */
    Set<String> eventIds(String topic, UUID requestId) {
        return about(topic, requestId).stream()
                .map(r -> header(r, CE_ID).orElse("(no ce_id)"))
                .collect(Collectors.toSet());
    }

    /** Every record of {@code topic}. */
    List<ConsumerRecord<String, String>> records(String topic) {
        List<ConsumerRecord<String, String>> records = byTopic.get(topic);
        if (records == null) {
            throw new IllegalArgumentException(topic + " was not read");
        }
        return records;
    }

    /** Every record read, of every topic. */
    Stream<ConsumerRecord<String, String>> all() {
        return byTopic.values().stream().flatMap(List::stream);
    }

    static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Key, value and every header value as text: what a leak check has to search. */
    static String text(ConsumerRecord<String, String> record) {
        StringBuilder text =
                new StringBuilder().append(record.key()).append('\n').append(record.value());
        for (Header header : record.headers()) {
            text.append('\n')
                    .append(header.key())
                    .append('=')
                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** The record's JSON payload. */
    static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on " + record.topic() + " at offset " + record.offset(), e);
        }
    }
}
