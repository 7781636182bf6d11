package io.clearname.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    @Inject
    TestWriter writer;

    @Inject
    TestEffects effects;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID account = UUID.randomUUID();
        ClearRequested event = ClearRequestedBuilder.forAccount(account).build();
        ClearRequested marker = ClearRequestedBuilder.forAccount(account).build();
        String eventId = UUID.randomUUID().toString();

        try (var producer = new RecordSender(bootstrapServers)) {
            String json = EventJson.write(event);
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED, account.toString(), json, eventId, "clearname.ClearRequested.v1");
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED, account.toString(), json, eventId, "clearname.ClearRequested.v1");
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED,
                    account.toString(),
                    EventJson.write(marker),
                    UUID.randomUUID().toString(),
                    "clearname.ClearRequested.v1");
        }

        // The marker follows both copies on the same partition: once it is applied, both copies were consumed.
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.effectsFor(marker.requestId()) == 1);
        assertThat(effects.effectsFor(event.requestId())).isEqualTo(1);
    }

    @Test
    void relayDyingAfterPublishingBeforeMarkingYieldsADuplicateThatTheInboxAbsorbs() {
        UUID account = UUID.randomUUID();
        ClearRequested event = ClearRequestedBuilder.forAccount(account).build();
        // The relay's delete of this account's rows fails, as if it died after the broker's acknowledgement.
        sql("INSERT INTO outbox_delete_fault (record_key) VALUES ('" + account + "')");

        writer.commit(event);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> TopicReader.readAll(bootstrapServers, Topics.CLEAR_REQUESTED).stream()
                                .filter(r -> account.toString().equals(r.key()))
                                .count()
                        >= 2);
        sql("DELETE FROM outbox_delete_fault WHERE record_key = '" + account + "'");
        var copies = TopicReader.readAll(bootstrapServers, Topics.CLEAR_REQUESTED).stream()
                .filter(r -> account.toString().equals(r.key()))
                .map(r -> EventRecords.header(r, "ce_id").orElseThrow())
                .distinct()
                .toList();
        assertThat(copies).as("every copy carries the same ce_id").hasSize(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.effectsFor(event.requestId()) >= 1);
        ClearRequested marker = ClearRequestedBuilder.forAccount(account).build();
        writer.commit(marker);
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.effectsFor(marker.requestId()) == 1);
        assertThat(effects.effectsFor(event.requestId())).isEqualTo(1);
    }

    private void sql(String statement) {
        try (var connection = database.getConnection();
                var update = connection.createStatement()) {
            update.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
