package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After full flows (cleared, rejected with a complaint that quotes the ID number and phone, withdrawn, and a refused
 * binding), no legal name or ID number is anywhere outside account-service's encrypted columns: not on any topic
 * (dead letters included), not in any row of any database (outbox and inbox included), not in any service's log; and
 * phone numbers and emails appear in logs only masked.
 */
@WithSuite
class PrivacyScanIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

    private static Suite suite;
    private static final List<Person> people = new ArrayList<>();
    private static final List<String> refusedInput = new ArrayList<>();

    @BeforeAll
    static void runFlows(Suite started) {
        suite = started;
        Api api = suite.api();

        Person cleared = Person.verified(api, "scan-cleared");
        UUID clearedRequest = submit(api, cleared);

        Person rejected = Person.verified(api, "scan-rejected");
        Http.call(
                suite.url(Service.ACCOUNT),
                "PATCH",
                "/api/v1/admin/accounts/" + rejected.account(),
                suite.token("e2e-support", "support"),
                "{\"restrictions\": [\"LEGAL_HOLD\"]}",
                Map.of());
        UUID rejectedRequest = submit(api, rejected);

        Person withdrawn = Person.verified(api, "scan-withdrawn");
        UUID withdrawnRequest = submit(api, withdrawn);
        Http.Answer withdrawal = Http.call(
                suite.url(Service.ACCOUNT),
                "POST",
                "/api/v1/me/clearing-requests/" + withdrawnRequest + "/withdrawal",
                suite.token(withdrawn.account().toString(), "user"),
                null,
                Map.of());
        assertThat(withdrawal.status()).as("withdrawal: %s", withdrawal).isEqualTo(200);
        people.addAll(List.of(cleared, rejected, withdrawn));

        await("rejected")
                .atMost(FLOW_TIMEOUT)
                .until(() -> status(api, rejected, rejectedRequest).equals("REJECTED"));
        Http.Answer complaint = Http.call(
                suite.url(Service.VERIFICATION),
                "POST",
                "/api/v1/me/clearing-requests/" + rejectedRequest + "/complaints",
                suite.token(rejected.account().toString(), "user"),
                "{\"message\": \"I am " + rejected.legalName() + ", ID " + rejected.idNumber() + ", call "
                        + rejected.phone() + " or mail " + rejected.email() + "\"}",
                Map.of());
        assertThat(complaint.status()).as("complaint: %s", complaint).isEqualTo(201);

        // A binding the service refuses: the answer and the logs must not echo what was sent.
        String badName = FakePeople.legalName();
        String badId = FakePeople.idNumber().substring(0, 17) + "0";
        refusedInput.addAll(List.of(badName, badId));
        Http.Answer refused = Http.call(
                suite.url(Service.ACCOUNT),
                "PUT",
                "/api/v1/me/real-name",
                suite.token(withdrawn.account().toString(), "user"),
                "{\"legalName\": \"" + badName + "\", \"idNumber\": \"" + badId + "\"}",
                Map.of());
        assertThat(refused.body()).doesNotContain(badName).doesNotContain(badId);

        await("cleared and notified")
                .atMost(FLOW_TIMEOUT)
                .until(() -> Timeline.clearedAndNotified(api.clearingRequest(cleared.account(), clearedRequest)));
        await("every notice of the rejected and the withdrawn request delivered")
                .atMost(FLOW_TIMEOUT)
                .until(() -> notified(api, rejected, rejectedRequest) >= 4
                        && notified(api, withdrawn, withdrawnRequest) >= 4);
    }

    @Test
    void noTopicHoldsALegalNameOrIdNumberDeadLettersIncluded() {
        EventLog events = EventLog.read(suite.bootstrapServers(), Topics.all());

        assertThat(events.all().map(PrivacyScanIT::withHeaders).toList())
                .as("records on %s", Topics.all())
                .isNotEmpty()
                .noneMatch(PrivacyScanIT::holdsIdentity);
    }

    @Test
    void noDatabaseRowHoldsALegalNameOrIdNumber() {
        Map<String, List<String>> rows = DatabaseSnapshot.rows(suite.databases());

        assertThat(rows).containsKeys("account.real_name", "account.outbox_event", "verification.inbox_event");
        assertThat(rows.get("account.real_name"))
                .as("the real names still bound")
                .hasSize(2);
        rows.forEach((table, texts) -> assertThat(texts).as(table).noneMatch(PrivacyScanIT::holdsIdentity));
    }

    @Test
    void logsHoldNoIdentityAndOnlyMaskedContactPoints() {
        List<Path> logs = suite.allLogs();
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = read(log);
            assertThat(holdsIdentity(text))
                    .as("legal name or ID number in %s", log)
                    .isFalse();
            for (Person person : people) {
                assertThat(text)
                        .as("unmasked contact points in %s", log)
                        .doesNotContain(person.phone())
                        .doesNotContain(person.email());
            }
        }
    }

    private static boolean holdsIdentity(String text) {
        for (Person person : people) {
            if (text.contains(person.legalName()) || text.contains(person.idNumber())) {
                return true;
            }
        }
        return refusedInput.stream().anyMatch(text::contains);
    }

    private static String withHeaders(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        var text = new StringBuilder(EventLog.text(record));
        record.headers()
                .forEach(h -> text.append('\n')
                        .append(h.key())
                        .append('=')
                        .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
        return text.toString();
    }

    private static UUID submit(Api api, Person person) {
        Api.Response submitted =
                api.submitClearing(person.account(), UUID.randomUUID().toString());
        assertThat(submitted.status()).as("submission: %s", submitted).isEqualTo(202);
        return UUID.fromString(submitted.body().path("requestId").asText());
    }

    private static String status(Api api, Person person, UUID request) {
        return Timeline.status(api.clearingRequest(person.account(), request));
    }

    private static long notified(Api api, Person person, UUID request) {
        return Timeline.count(api.clearingRequest(person.account(), request), Timeline.USER_NOTIFIED);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
