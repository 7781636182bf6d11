package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import io.clearname.local.ReceivedMail;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's fault controls do what they say, seen through the public API: a frozen database or broker holds the
 * work back until it is thawed, a restarted one is back with its data and the services reconnect by themselves, a
 * stalled SMTP server delays a mail, a refused recipient makes the service send again. The fault suite builds on
 * these. Without a cooling-off, a clearing's mails are exactly its receipt and its outcome.
 */
@WithSuite(coolingOff = "PT0S")
class FaultControlsIT {
    /** How long a fault is held to show that nothing gets through meanwhile. */
    private static final Duration HELD = Duration.ofSeconds(2);

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String RECEIPT = "We received your request to clear your real-name information";
    private static final String CLEARED = "Your real-name information has been cleared";

    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    @AfterAll
    static void stopCallers() {
        CALLERS.shutdownNow();
    }

    @Test
    void aFrozenDatabaseAnswersNoRequestUntilThawed(Suite suite) throws Exception {
        Person person = Person.verified(suite.api(), "freeze-db");

        suite.freezeDatabase();
        CompletableFuture<Http.Answer> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> realName(suite, person), CALLERS);
            await("no answer while the database is frozen")
                    .during(HELD)
                    .atMost(HELD.plusSeconds(2))
                    .until(() -> !answer.isDone());
        } finally {
            suite.thawDatabase();
        }

        Http.Answer thawed = answer.get(30, TimeUnit.SECONDS);
        assertThat(thawed.status()).as("answer after the thaw: %s", thawed).isEqualTo(200);
        assertThat(thawed.body()).contains("\"VERIFIED\"");
    }

    @Test
    void aRestartedDatabaseKeepsItsDataAndTheServicesReconnect(Suite suite) {
        Person before = Person.verified(suite.api(), "restart-db");

        suite.restartDatabase();

        Http.Answer kept = realName(suite, before);
        assertThat(kept.status())
                .as("the account from before the restart: %s", kept)
                .isEqualTo(200);
        assertThat(kept.body()).contains("\"VERIFIED\"");
        Person after = Person.verified(suite.api(), "restart-db");
        awaitClearedAndNotified(suite, after, submit(suite, after));
    }

    @Test
    void aFrozenBrokerHoldsTheEventsUntilThawed(Suite suite) {
        Person person = Person.verified(suite.api(), "freeze-kafka");

        suite.freezeBroker();
        UUID requestId;
        try {
            // the request and its outbox row are written; only the relay's publication waits
            requestId = submit(suite, person);
            await("the request stays SUBMITTED and unnoticed while the broker is frozen")
                    .during(HELD)
                    .atMost(HELD.plusSeconds(2))
                    .until(() -> "SUBMITTED"
                                    .equals(Timeline.status(suite.api().clearingRequest(person.account(), requestId)))
                            && suite.textsTo(person.phone()).isEmpty());
        } finally {
            suite.thawBroker();
        }

        awaitClearedAndNotified(suite, person, requestId);
    }

    @Test
    void aRestartedBrokerKeepsItsRecordsAndTheServicesReconnect(Suite suite) {
        Person inFlight = Person.verified(suite.api(), "restart-kafka");
        Person after = Person.verified(suite.api(), "restart-kafka");
        UUID first = submit(suite, inFlight);

        suite.restartBroker();

        UUID second = submit(suite, after);
        awaitClearedAndNotified(suite, inFlight, first);
        awaitClearedAndNotified(suite, after, second);
        EventLog events = EventLog.read(suite.bootstrapServers(), java.util.List.of(Topics.CLEAR_REQUESTED));
        assertThat(events.eventIds(Topics.CLEAR_REQUESTED, first))
                .as("ClearRequested of the request submitted before the restart")
                .hasSize(1);
    }

    @Test
    void aStalledSmtpServerDelaysTheMailWhichArrivesOnce(Suite suite) {
        Person person = Person.verified(suite.api(), "stall-smtp");

        suite.smtp().freeze();
        UUID requestId;
        try {
            requestId = submit(suite, person);
            // The receipt's text shows that notification-service has taken the request on, its mail included.
            await("the receipt's text")
                    .atMost(FLOW_TIMEOUT)
                    .until(() -> !suite.textsTo(person.phone()).isEmpty());
            // Shorter than notification-service's SMTP timeout (10 s), so that its client waits rather than leaving.
            await("no mail while the SMTP server is stalled")
                    .during(HELD)
                    .atMost(HELD.plusSeconds(2))
                    .until(() -> suite.mailsTo(person.email()).isEmpty());
        } finally {
            suite.smtp().thaw();
        }

        awaitClearedAndNotified(suite, person, requestId);
        assertThat(suite.mailsTo(person.email()))
                .as("mails to %s: the receipt once, after the stall, and the CLEARED notice", person.email())
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder(RECEIPT, CLEARED);
    }

    @Test
    void aRefusedRecipientIsSentAgainAndTheMailArrivesOnce(Suite suite) {
        Person person = Person.verified(suite.api(), "fail-smtp");
        suite.smtp().failNextTo(person.email(), 451, 1);

        UUID requestId = submit(suite, person);

        JsonNode request = awaitClearedAndNotified(suite, person, requestId);
        assertThat(suite.mailsTo(person.email()))
                .as("mails to %s", person.email())
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder(RECEIPT, CLEARED);
        assertThat(Timeline.entries(request))
                .extracting(e -> e.path("detail").asText())
                .as("the receipt's mail needed a second attempt")
                .contains("EMAIL DELIVERED after 2 attempt(s)");
    }

    private static UUID submit(Suite suite, Person person) {
        Api.Response submitted =
                suite.api().submitClearing(person.account(), UUID.randomUUID().toString());
        assertThat(submitted.status()).as("submission: %s", submitted).isEqualTo(202);
        return UUID.fromString(submitted.body().path("requestId").asText());
    }

    private static Http.Answer realName(Suite suite, Person person) {
        return Http.call(
                suite.url(Service.ACCOUNT),
                "GET",
                "/api/v1/me/real-name",
                suite.token(person.account().toString(), "user"),
                null,
                Map.of());
    }

    private static JsonNode awaitClearedAndNotified(Suite suite, Person person, UUID requestId) {
        return await("request " + requestId + " CLEARED with USER_NOTIFIED on its timeline")
                .atMost(FLOW_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> suite.api().clearingRequest(person.account(), requestId),
                        request -> Clearings.settled(suite, requestId, request));
    }
}
