package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One clearing through all three services, seen from outside: the API, the mailbox and the topics. */
@WithSuite
class ClearingFlowIT {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void clearingReachesClearedWithTheNoticeOnTheTimeline(Suite suite) {
        Api api = suite.api();
        Person person = Person.verified(api, "flow");

        Api.Response submitted =
                api.submitClearing(person.account(), UUID.randomUUID().toString());
        assertThat(submitted.status()).as("submission: %s", submitted).isEqualTo(202);
        UUID requestId = UUID.fromString(submitted.body().path("requestId").asText());

        JsonNode request = awaitClearedAndNotified(suite, person, requestId);

        assertThat(Timeline.count(request, Timeline.CLEARED)).isEqualTo(1);
        java.time.Instant approvedAt = java.time.Instant.parse(Timeline.entries(request).stream()
                .filter(e -> Timeline.APPROVED.equals(e.path("type").asText()))
                .findFirst()
                .orElseThrow()
                .path("at")
                .asText());
        assertThat(java.time.Instant.parse(request.path("concludedAt").asText()))
                .as("erased only after the cooling-off")
                .isAfterOrEqualTo(approvedAt.plus(suite.coolingOff()));
        assertThat(api.realName(person.account()).path("status").asText()).isEqualTo("CLEARED");
        // The approval's notice is moot once the request is cleared: sent if a dispatcher took it before the outcome
        // arrived, superseded otherwise; the delivery log says which.
        List<String> approvalSent = Clearings.notices(suite, requestId).stream()
                .filter(n -> n.path("template").asText().equals("APPROVED"))
                .filter(n -> n.path("status").asText().equals("DELIVERED"))
                .map(n -> n.path("channel").asText())
                .toList();
        List<String> subjects =
                new java.util.ArrayList<>(List.of(ExactlyOnce.RECEIPT_SUBJECT, ExactlyOnce.CLEARED_SUBJECT));
        if (approvalSent.contains("EMAIL")) {
            subjects.add(ExactlyOnce.APPROVED_SUBJECT);
        }
        assertThat(suite.mailsTo(person.email()))
                .as("mails to the account's address: the receipt, the CLEARED notice, the approval's if sent")
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(suite.textsTo(person.phone()))
                .as("texts to the account's phone: the receipt, the CLEARED notice, the approval's if sent")
                .hasSize(2 + (approvalSent.contains("SMS") ? 1 : 0))
                .extracting(SmsMessage::idempotencyKey)
                .doesNotHaveDuplicates();

        EventLog events = EventLog.read(suite.bootstrapServers(), Topics.all());
        for (String topic : List.of(Topics.CLEAR_REQUESTED, Topics.AUDIT_COMPLETED, Topics.CLEARING_CONCLUDED)) {
            assertThat(events.about(topic, requestId))
                    .as("records on %s with ce_subject %s", topic, requestId)
                    .hasSize(1);
        }
        assertThat(events.about(Topics.USER_NOTIFIED, requestId))
                .as("user-notified records of %s, one per notice and channel", requestId)
                .hasSize(Timeline.NOTICES_OF_A_CLEARED_REQUEST + approvalSent.size())
                .hasSameSizeAs(events.eventIds(Topics.USER_NOTIFIED, requestId));
        String clearRequestedId = EventLog.header(
                        events.about(Topics.CLEAR_REQUESTED, requestId).get(0), EventLog.CE_ID)
                .orElseThrow();
        String clearingConcludedId = EventLog.header(
                        events.about(Topics.CLEARING_CONCLUDED, requestId).get(0), EventLog.CE_ID)
                .orElseThrow();
        assertThat(events.about(Topics.USER_NOTIFIED, requestId).stream()
                        .map(EventLog::payload)
                        .filter(n -> !n.path("triggerEventId").asText().equals(approvedId(events, requestId)))
                        .map(n -> n.path("triggerEventId").asText() + " "
                                + n.path("channel").asText() + " "
                                + n.path("status").asText()))
                .as("a DELIVERED notice per trigger and channel")
                .containsExactlyInAnyOrder(
                        clearRequestedId + " SMS DELIVERED",
                        clearRequestedId + " EMAIL DELIVERED",
                        clearingConcludedId + " SMS DELIVERED",
                        clearingConcludedId + " EMAIL DELIVERED");
        for (String topic : List.of(Topics.COMPLAINT_RECEIVED, Topics.AUDIT_DELAYED, Topics.REVIEW_STARTED)) {
            assertThat(events.about(topic, requestId))
                    .as("records on %s for a request decided at once", topic)
                    .isEmpty();
        }
        for (String topic : Topics.DEAD_LETTER_TOPICS) {
            assertThat(events.records(topic))
                    .as("dead letters on %s about request %s", topic, requestId)
                    .noneMatch(r -> mentions(r.key(), EventLog.text(r), requestId, person.account()));
        }
        assertThat(events.all().map(EventLog::text))
                .as("records on any topic holding the legal name or the ID number")
                .noneMatch(text -> text.contains(person.legalName()) || text.contains(person.idNumber()));
    }

    @Test
    void aRetriedSubmissionReturnsTheFirstRequestAndRequestsClearingOnce(Suite suite) {
        Api api = suite.api();
        Person person = Person.verified(api, "retry");
        String key = UUID.randomUUID().toString();

        Api.Response first = api.submitClearing(person.account(), key);
        Api.Response retried = api.submitClearing(person.account(), key);

        assertThat(first.status()).as("first submission: %s", first).isEqualTo(202);
        assertThat(retried.status()).as("retried submission: %s", retried).isEqualTo(202);
        UUID requestId = UUID.fromString(first.body().path("requestId").asText());
        assertThat(retried.body().path("requestId").asText()).isEqualTo(requestId.toString());

        awaitClearedAndNotified(suite, person, requestId);
        // A retry that arrives after the outcome still answers the first result, never a new request.
        Api.Response late = api.submitClearing(person.account(), key);
        assertThat(late.status()).as("late retry: %s", late).isEqualTo(202);
        assertThat(late.body().path("requestId").asText()).isEqualTo(requestId.toString());

        EventLog events = EventLog.read(suite.bootstrapServers(), List.of(Topics.CLEAR_REQUESTED));
        assertThat(events.about(Topics.CLEAR_REQUESTED, requestId))
                .as("ClearRequested records of request %s", requestId)
                .hasSize(1);
        assertThat(events.records(Topics.CLEAR_REQUESTED))
                .as("ClearRequested records keyed by account %s", person.account())
                .filteredOn(r -> person.account().toString().equals(r.key()))
                .hasSize(1);
    }

    static JsonNode awaitClearedAndNotified(Suite suite, Person person, UUID requestId) {
        return await("request " + requestId + " CLEARED with USER_NOTIFIED on its timeline")
                .atMost(FLOW_TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> suite.api().clearingRequest(person.account(), requestId),
                        request -> Clearings.settled(suite, requestId, request));
    }

    /** The ce_id of the request's ClearingApproved, or an empty string. */
    private static String approvedId(EventLog events, UUID requestId) {
        return events.about(Topics.CLEARING_APPROVED, requestId).stream()
                .map(r -> EventLog.header(r, EventLog.CE_ID).orElse(""))
                .findFirst()
                .orElse("");
    }

    private static boolean mentions(String key, String text, UUID requestId, UUID account) {
        return account.toString().equals(key)
                || text.contains(requestId.toString())
                || text.contains(account.toString());
    }
}
