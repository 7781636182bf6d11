package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.UserNotified;
import io.clearname.local.SmsMessage;
import io.clearname.local.testing.EventRecords;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.service.NoticeKeys;
import io.clearname.notification.service.NotificationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A notice is unique per (trigger event, channel): a redelivered event sends nothing again. */
@QuarkusTest
class RedeliveryTest {

    @Inject
    NotificationService notifications;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void triggersDeliveredTwiceSendOneMailAndOneSmsPerNotice() {
        UUID account = UUID.randomUUID();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");
        ClearingConcluded rejected = Events.concluded(requested, ClearingConcluded.Outcome.REJECTED);
        String requestedId = UUID.randomUUID().toString();
        String rejectedId = UUID.randomUUID().toString();
        // A later request of the same account: same key, same partitions, so it is consumed after both copies.
        ClearRequested marker = Events.clearRequested(account, Events.uniqueEmail(), "en");

        EventRecords.publish(requested, requestedId);
        EventRecords.publish(requested, requestedId);
        EventRecords.publish(rejected, rejectedId);
        EventRecords.publish(rejected, rejectedId);
        EventRecords.publish(marker);
        EventRecords.publish(Events.concluded(marker, ClearingConcluded.Outcome.CLEARED));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Outboxes.mailsTo(marker.contact().email()).size() == 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Outboxes.mailsTo(requested.contact().email()).size() == 2
                        && Outboxes.textsTo(requested.contact().phone()).size() == 2);
        assertThat(Outboxes.textsTo(requested.contact().phone()))
                .extracting(SmsMessage::idempotencyKey)
                .containsExactlyInAnyOrder(
                        NoticeKeys.idempotencyKey(requestedId, Channel.SMS),
                        NoticeKeys.idempotencyKey(rejectedId, Channel.SMS));
        assertThat(EventRecords.published(UserNotified.class, requested.requestId()))
                .extracting(n -> n.triggerEventId() + " " + n.channel())
                .containsExactlyInAnyOrder(
                        requestedId + " SMS", requestedId + " EMAIL", rejectedId + " SMS", rejectedId + " EMAIL");
        assertThat(EventRecords.published(UserNotified.class, requested.requestId()))
                .extracting(UserNotified::status)
                .containsOnly(UserNotified.Status.DELIVERED);
    }

    @Test
    void theDatabaseKeepsOneNoticePerTriggerAndChannelEvenWithoutTheInbox() throws SQLException {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        ClearingConcluded withdrawn = Events.concluded(requested, ClearingConcluded.Outcome.WITHDRAWN);
        String withdrawnId = UUID.randomUUID().toString();

        // As if the inbox had forgotten the event: the effect runs twice.
        QuarkusTransaction.requiringNew().run(() -> notifications.onClearingConcluded(withdrawnId, withdrawn));
        QuarkusTransaction.requiringNew().run(() -> notifications.onClearingConcluded(withdrawnId, withdrawn));

        assertThat(Outboxes.jobStatuses(requested.requestId())).hasSize(2);
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("""
                        INSERT INTO notification_job (id, request_id, account_id, trigger_event_id, channel, kind,
                                                      status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, 'SMS', 'WITHDRAWN', 'PENDING', 0, now(), now())
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, requested.requestId());
            insert.setObject(3, requested.accountId());
            insert.setString(4, withdrawnId);
            assertThatThrownBy(insert::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("notification_job_once");
        }
    }
}
