package io.clearname.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    TestWriter writer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eventOfRolledBackTransactionIsNeverPublished() {
        UUID account = UUID.randomUUID();
        ClearRequested rolledBack = ClearRequestedBuilder.forAccount(account).build();
        ClearRequested committed = ClearRequestedBuilder.forAccount(account).build();

        assertThatThrownBy(() -> writer.failAfterAppending(rolledBack)).isInstanceOf(IllegalStateException.class);
        writer.commit(committed);

        // Same key, same partition, published in commit order: once the later event is there, the earlier one
        // would be too if it had been published.
        List<ClearRequested> published = awaitEventsOf(account, 1);
        assertThat(published).extracting(ClearRequested::requestId).containsExactly(committed.requestId());
    }

    @Test
    void committedEventIsPublishedWithCloudEventHeadersKeyedByAccount() {
        UUID account = UUID.randomUUID();
        ClearRequested event = ClearRequestedBuilder.forAccount(account).build();

        writer.commit(event);

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(10))
                .until(() -> recordsOf(account), r -> r.size() == 1)
                .get(0);
        assertThat(record.key()).isEqualTo(account.toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("clearname.ClearRequested.v1");
        assertThat(header(record, "ce_source")).isEqualTo("service-kit-test");
        assertThat(header(record, "ce_subject")).isEqualTo(event.requestId().toString());
        String time = header(record, "ce_time");
        assertThat(Instant.parse(time)).isBeforeOrEqualTo(Instant.now()).hasToString(time);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(EventJson.read(record.value(), ClearRequested.class)).isEqualTo(event);
    }

    @Test
    void eventsOfOneAccountArePublishedInCommitOrder() {
        UUID account = UUID.randomUUID();
        List<ClearRequested> written = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> {
            ClearRequested event = ClearRequestedBuilder.forAccount(account).build();
            writer.commit(event);
            written.add(event);
        });

        List<ClearRequested> published = awaitEventsOf(account, written.size());

        assertThat(published)
                .extracting(ClearRequested::requestId)
                .containsExactlyElementsOf(
                        written.stream().map(ClearRequested::requestId).toList());
    }

    private List<ClearRequested> awaitEventsOf(UUID account, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> recordsOf(account), r -> r.size() >= count).stream()
                .map(r -> EventJson.read(r.value(), ClearRequested.class))
                .toList();
    }

    private List<ConsumerRecord<String, String>> recordsOf(UUID account) {
        return TopicReader.readAll(bootstrapServers, Topics.CLEAR_REQUESTED).stream()
                .filter(r -> account.toString().equals(r.key()))
                .filter(r -> "service-kit-test".equals(header(r, "ce_source")))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return EventRecords.header(record, name).orElse(null);
    }
}
