package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.EventRecords;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.clearname.notification.service.DeliveryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events of different topics arrive in any order: a notice waits for its contact snapshot, and is never lost. */
@QuarkusTest
class ContactOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeliveryService delivery;

    @Inject
    ContactSnapshotRepository contacts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void outcomeArrivingBeforeTheRequestWaitsForTheContactThenGoesOutOnBothChannels() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        ClearingConcluded withdrawn = Events.concluded(requested, ClearingConcluded.Outcome.WITHDRAWN);

        String withdrawnId = EventRecords.publish(withdrawn);
        await().atMost(WAIT).until(() -> Outboxes.jobStatuses(requested.requestId()), s -> s.size() == 2);
        // The jobs wait for their contact snapshot over several dispatcher rounds: nothing is sent or published.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> Outboxes.mailsTo(requested.contact().email()).isEmpty()
                        && Outboxes.textsTo(requested.contact().phone()).isEmpty()
                        && Outboxes.jobStatuses(requested.requestId())
                                .equals(List.of("PENDING_CONTACT", "PENDING_CONTACT")));

        String requestedId = EventRecords.publish(requested);

        assertThat(Events.awaitBothChannels(requested.requestId(), withdrawnId))
                .extracting(UserNotified::status)
                .containsOnly(UserNotified.Status.DELIVERED);
        Events.awaitBothChannels(requested.requestId(), requestedId);
        assertThat(Outboxes.mailsTo(requested.contact().email()))
                .extracting(m -> m.subject())
                .containsExactlyInAnyOrder(
                        "We received your request to clear your real-name information",
                        "Your request to clear real-name information was withdrawn");
        assertThat(Outboxes.textsTo(requested.contact().phone())).hasSize(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> contacts.findById(requested.requestId()).concludedAt))
                .as("the retention period runs from the conclusion that came first")
                .isCloseTo(withdrawn.concludedAt(), within(1, ChronoUnit.MILLIS));
    }

    @Test
    void aNoticeWhoseContactNeverArrivesIsGivenUpAfterTheContactWait() throws SQLException {
        ClearRequested neverPublished = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        String concludedId = EventRecords.publish(Events.concluded(neverPublished, ClearingConcluded.Outcome.CLEARED));
        await().atMost(WAIT)
                .until(
                        () -> Outboxes.jobStatuses(neverPublished.requestId()),
                        s -> s.equals(List.of("PENDING_CONTACT", "PENDING_CONTACT")));

        // Two days pass (notification.contact-wait is one).
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(
                        "UPDATE notification_job SET created_at = created_at - interval '2 days' WHERE request_id = ?")) {
            update.setObject(1, neverPublished.requestId());
            assertThat(update.executeUpdate()).isEqualTo(2);
        }
        delivery.sweepWaiting();

        List<UserNotified> notices = Events.awaitBothChannels(neverPublished.requestId(), concludedId);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(UserNotified.Status.FAILED);
            assertThat(n.attempts()).isZero();
        });
        assertThat(Outboxes.deliveryLog(neverPublished.requestId()).getList("lastError", String.class))
                .containsOnly("NO_CONTACT_SNAPSHOT");
    }

    @Test
    void aRequestWithoutAPhoneNumberGetsItsEmailAndAFailedSmsNotice() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), null, "en");

        String requestedId = EventRecords.publish(requested);

        List<UserNotified> notices = Events.awaitBothChannels(requested.requestId(), requestedId);
        assertThat(Events.on(notices, UserNotified.Channel.EMAIL).status()).isEqualTo(UserNotified.Status.DELIVERED);
        UserNotified sms = Events.on(notices, UserNotified.Channel.SMS);
        assertThat(sms.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(sms.attempts()).isZero();
        assertThat(Outboxes.mailsTo(requested.contact().email())).hasSize(1);
    }
}
