package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.local.testing.EventRecords;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.clearname.notification.service.RetentionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contact snapshots are deleted 30 days (notification.contact-retention) after their request concluded; the delivery
 * log keeps masked contact points only. The purge is run with a "now" in the future, as the clock would be then.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionService retention;

    @Inject
    ContactSnapshotRepository contacts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aContactSnapshotIsDeletedThirtyDaysAfterItsRequestConcluded() {
        ClearRequested concluded = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        ClearRequested open = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(concluded);
        EventRecords.publish(open);
        ClearingConcluded cleared = Events.concluded(concluded, ClearingConcluded.Outcome.CLEARED);
        String clearedId = EventRecords.publish(cleared);
        Events.awaitBothChannels(concluded.requestId(), clearedId);
        Events.awaitBothChannels(
                open.requestId(), Outboxes.deliveryLog(open.requestId()).getString("[0].triggerEventId"));

        retention.purge(cleared.concludedAt().plus(Duration.ofDays(30)).minusSeconds(60));
        assertThat(snapshotExists(concluded.requestId()))
                .as("29 days 23:59 after")
                .isTrue();

        retention.purge(cleared.concludedAt().plus(Duration.ofDays(30)).plusSeconds(60));
        assertThat(snapshotExists(concluded.requestId()))
                .as("30 days 00:01 after")
                .isFalse();
        assertThat(snapshotExists(open.requestId()))
                .as("a request that has not concluded")
                .isTrue();
        assertThat(Outboxes.jobStatuses(concluded.requestId()))
                .as("the delivery log stays")
                .containsOnly("DELIVERED");
    }

    @Test
    void aSnapshotWithANoticeStillToSendIsKeptUntilTheNoticeEnds() throws SQLException {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(requested);
        ClearingConcluded cleared = Events.concluded(requested, ClearingConcluded.Outcome.CLEARED);
        String clearedId = EventRecords.publish(cleared);
        Events.awaitBothChannels(requested.requestId(), clearedId);
        Instant longAfter = cleared.concludedAt().plus(Duration.ofDays(31));

        // A notice of the request still waits for a retry.
        setSmsStatus(requested, clearedId, "PENDING", "now() + interval '1 day'");
        retention.purge(longAfter);
        assertThat(snapshotExists(requested.requestId())).isTrue();

        setSmsStatus(requested, clearedId, "FAILED", "now()");
        retention.purge(longAfter);
        assertThat(snapshotExists(requested.requestId())).isFalse();
    }

    @Test
    void theDeliveryLogKeepsOnlyMaskedContactPoints() throws SQLException {
        String phone = Events.uniquePhone();
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), phone, "en");
        String requestedId = EventRecords.publish(requested);
        Events.awaitBothChannels(requested.requestId(), requestedId);

        assertThat(Outboxes.deliveryLog(requested.requestId()).getList("destination", String.class))
                .containsExactlyInAnyOrder(
                        "+86 139****" + phone.substring(phone.length() - 4),
                        requested.contact().email().charAt(0) + "***@example.com");
        try (var connection = dataSource.getConnection();
                var rows = connection.prepareStatement("""
                        SELECT row_to_json(j)::text FROM notification_job j WHERE request_id = ?
                        UNION ALL
                        SELECT row_to_json(a)::text FROM delivery_attempt a
                            JOIN notification_job j ON j.id = a.job_id WHERE j.request_id = ?
                        """)) {
            rows.setObject(1, requested.requestId());
            rows.setObject(2, requested.requestId());
            try (var result = rows.executeQuery()) {
                int count = 0;
                while (result.next()) {
                    count++;
                    assertThat(result.getString(1))
                            .doesNotContain(
                                    phone,
                                    phone.substring(3),
                                    requested.contact().email());
                }
                assertThat(count).as("two jobs, an attempt each").isEqualTo(4);
            }
        }
    }

    private boolean snapshotExists(UUID requestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> contacts.findByIdOptional(requestId).isPresent());
    }

    private void setSmsStatus(ClearRequested requested, String triggerEventId, String status, String nextAttemptAt)
            throws SQLException {
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement("UPDATE notification_job SET status = ?, next_attempt_at = "
                        + nextAttemptAt + " WHERE request_id = ? AND trigger_event_id = ? AND channel = 'SMS'")) {
            update.setString(1, status);
            update.setObject(2, requested.requestId());
            update.setString(3, triggerEventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
