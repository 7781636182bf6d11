package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * After full flows (cleared, rejected with a complaint that quotes the person's name, ID number, phone and email,
 * withdrawn, waiting for a reviewer with such a complaint, a refused binding) and records that carry an identity where
 * no event may (key, headers, field names, values), no legal name or ID number is anywhere outside account-service's
 * encrypted columns: not on any topic, in no stored value of any database (bytes read as bytes, in every plausible
 * encoding), in no mail or text message, in nothing reviewers or support are shown, in no log; and phone numbers and
 * emails appear in logs only masked.
 */
@WithSuite
class PrivacyScanIT {

    private static Suite suite;
    private static final List<Person> people = new ArrayList<>();
    private static final List<UUID> requests = new ArrayList<>();
    /** Every legal name and ID number used, the poisoned records' included. */
    private static final Secrets identities = new Secrets();
    /** The same, without the poisoned records' identity, which their source topics hold by construction. */
    private static final Secrets publishedIdentities = new Secrets();
    /** The ID number, email and phone a poisoned record carried in its key, headers and field names. */
    private static final Secrets envelope = new Secrets();

    @BeforeAll
    static void runFlows(Suite started) {
        suite = started;
        Api api = suite.api();

        Person cleared = Person.verified(api, "scan-cleared");
        UUID clearedRequest = Clearings.submit(api, cleared.account());

        // What the account holds, downloaded in full by its owner: the file is theirs, no log or table keeps it.
        Http.Answer export = Staff.person(suite, cleared, Service.ACCOUNT, "GET", "/api/v1/me/export", null);
        assertThat(export.status()).as("export: %s", export.body()).isEqualTo(200);
        assertThat(export.body()).contains(cleared.idNumber());

        // A rejection by a reviewer, which the person then appeals.
        Person rejected = Clearings.recentlyVerified(api, "scan-rejected");
        UUID rejectedRequest = Clearings.inReview(suite, rejected);
        Staff.decide(suite, "e2e-reviewer", rejectedRequest, "REJECTED", "SUSPECTED_MISUSE");

        Person withdrawn = Person.verified(api, "scan-withdrawn");
        UUID withdrawnRequest = Clearings.submit(api, withdrawn.account());
        Api.Response withdrawal = api.withdraw(withdrawn.account(), withdrawnRequest);
        assertThat(withdrawal.status()).as("withdrawal: %s", withdrawal).isEqualTo(200);

        Person reviewed = Clearings.recentlyVerified(api, "scan-review");
        UUID reviewedRequest = Clearings.inReview(suite, reviewed);
        people.addAll(List.of(cleared, rejected, withdrawn, reviewed));
        requests.addAll(List.of(clearedRequest, rejectedRequest, withdrawnRequest, reviewedRequest));
        people.forEach(person -> publishedIdentities.add(person.legalName(), person.idNumber()));

        await("rejected")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(() -> Timeline.status(api.clearingRequest(rejected.account(), rejectedRequest))
                        .equals("REJECTED"));
        // Complaints that quote everything: an appeal of a decided case, and one that escalates an open case.
        Clearings.complain(suite, rejected, rejectedRequest, UUID.randomUUID().toString(), quoting(rejected));
        UUID escalation = Clearings.complain(
                suite, reviewed, reviewedRequest, UUID.randomUUID().toString(), quoting(reviewed));
        // Staff answers that quote the ID number and contact points, which leave verification-service masked: the
        // appeal's final decision by a second reviewer, and support's answer to the escalation.
        JsonNode appeal = Staff.items(Staff.verification(
                        suite, "e2e-support", "support", "GET", "/api/v1/review/appeals?state=OPEN", null))
                .stream()
                .filter(a -> a.path("requestId").asText().equals(rejectedRequest.toString()))
                .findFirst()
                .orElseThrow();
        Http.Answer upheld = Staff.verification(
                suite,
                "e2e-second-reviewer",
                "reviewer",
                "POST",
                "/api/v1/review/appeals/" + appeal.path("appealId").asText() + "/decision",
                "{\"outcome\": \"UPHELD\", \"userMessage\": \"" + quotingContacts(rejected) + "\"}");
        assertThat(upheld.status()).as("appeal decision: %s", upheld.body()).isEqualTo(200);
        Http.Answer answered = Staff.verification(
                suite,
                "e2e-support",
                "support",
                "POST",
                "/api/v1/review/complaints/" + escalation + "/answer",
                "{\"message\": \"" + quotingContacts(reviewed) + "\"}");
        assertThat(answered.status()).as("answer: %s", answered.body()).isEqualTo(200);

        // A binding the service refuses: the answer and the logs must not echo what was sent.
        String badName = FakePeople.legalName();
        String validId = FakePeople.idNumber();
        String badId = validId.substring(0, 17) + (validId.endsWith("0") ? "1" : "0");
        publishedIdentities.add(badName, badId);
        Http.Answer refused = Http.call(
                suite.url(Service.ACCOUNT),
                "PUT",
                "/api/v1/me/real-name",
                suite.token(withdrawn.account().toString(), "user"),
                "{\"legalName\": \"" + badName + "\", \"idNumber\": \"" + badId + "\"}",
                Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(publishedIdentities.in(refused.body()))
                .as("refusal %s", refused.body())
                .isEmpty();

        identities.add(publishedIdentities.values().toArray(String[]::new));
        Person inPayload = made("scan-payload");
        identities.add(inPayload.legalName(), inPayload.idNumber());
        Person inEnvelope = made("scan-envelope");
        envelope.add(
                inEnvelope.idNumber(),
                inEnvelope.email(),
                inEnvelope.phone(),
                inEnvelope.phone().substring(1));
        Map<Service, Integer> owed = IdentityPoison.send(suite.bootstrapServers(), inPayload, inEnvelope);
        owed.forEach((service, count) -> await(service + " dead-letters the poisoned records")
                .atMost(Duration.ofSeconds(60))
                .until(() -> DeadLetterFixture.all(suite, service).size() >= count));

        await("cleared and notified")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(() -> Clearings.settled(
                        suite, clearedRequest, api.clearingRequest(cleared.account(), clearedRequest)));
        // Receipt and outcome by SMS and email; a receipt of the complaint besides, where there is one.
        Clearings.awaitNotices(suite, rejectedRequest, 10);
        Clearings.awaitNotices(suite, withdrawnRequest, 4);
        Clearings.awaitNotices(suite, reviewedRequest, 8);
        DatabaseSnapshot.atRest(suite.databases(), Duration.ofSeconds(60));
    }

    @Test
    void noTopicHoldsALegalNameOrIdNumberDeadLettersIncluded() {
        EventLog events = EventLog.read(suite.bootstrapServers(), Topics.all());

        assertThat(events.all().map(EventLog::text).toList())
                .as("records on %s", Topics.all())
                .isNotEmpty()
                .allSatisfy(text -> assertThat(publishedIdentities.in(text))
                        .as("identities in %s", text)
                        .isEmpty());
    }

    @Test
    void noStoredValueHoldsALegalNameOrIdNumberInAnyEncoding() {
        List<DatabaseSnapshot.Cell> cells = DatabaseSnapshot.cells(suite.databases());

        assertThat(cells)
                .as("the encrypted real names, read as bytes")
                .anyMatch(cell -> cell.table().equals("account.real_name")
                        && cell.column().equals("legal_name_ct")
                        && cell.type().equals("bytea"));
        assertThat(cells)
                .as("the sealed complaint texts")
                .anyMatch(cell -> cell.column().equals("message_ct"));
        var leaks = new ArrayList<String>();
        for (DatabaseSnapshot.Cell cell : cells) {
            identities.in(cell.bytes()).forEach(found -> leaks.add(cell + ": " + found));
        }
        assertThat(leaks).as("stored values holding a legal name or ID number").isEmpty();
    }

    @Test
    void noMailOrTextMessageHoldsALegalNameOrIdNumber() {
        JsonNode mails = Clearings.read(Http.call(suite.mailboxUrl(), "GET", "/messages", null, null, Map.of()));
        JsonNode texts = Clearings.read(Http.call(suite.smsUrl(), "GET", "/v1/messages", null, null, Map.of()));

        // Receipt and outcome of three concluded requests, receipts of the open one and of two complaints.
        assertThat(mails.size()).as("mails").isGreaterThanOrEqualTo(7);
        assertThat(texts.size()).as("texts").isGreaterThanOrEqualTo(7);
        var leaks = new ArrayList<String>();
        mails.forEach(mail -> identities
                .in(mail.path("subject").asText() + "\n" + mail.path("body").asText())
                .forEach(found -> leaks.add("mail to " + mail.path("to").asText() + ": " + found)));
        texts.forEach(text -> identities
                .in(text.path("text").asText())
                .forEach(found -> leaks.add("text to " + text.path("to").asText() + ": " + found)));
        assertThat(leaks).as("notices holding a legal name or ID number").isEmpty();
    }

    @Test
    void reviewersAreShownNoLegalNameOrIdNumber() {
        List<StaffViews.View> views = StaffViews.reviewer(suite);

        assertThat(views).as("the queue and the four cases").hasSizeGreaterThanOrEqualTo(5);
        assertThat(views)
                .as("the complaints, their ID numbers masked")
                .anyMatch(view -> view.body().contains("[id-number]"));
        var leaks = new ArrayList<String>();
        for (StaffViews.View view : views) {
            // What a person typed into a complaint is shown as typed, ID numbers, phones and emails masked: a name has
            // no pattern to mask, and verification knows no names to look for. Everything else holds none.
            identities.in(withoutComplaintTexts(view.body())).forEach(found -> leaks.add(view.what() + ": " + found));
            idNumbersIn(view.body()).forEach(found -> leaks.add(view.what() + " (a complaint): " + found));
        }
        assertThat(leaks)
                .as("reviewer answers holding a legal name or ID number")
                .isEmpty();
    }

    @Test
    void supportIsShownNoLegalNameOrIdNumber() {
        List<UUID> accounts = people.stream().map(Person::account).toList();
        List<StaffViews.View> views = StaffViews.support(suite, requests, accounts);

        assertThat(views)
                .as("the dead letters of the poisoned records")
                .anyMatch(view -> view.what().contains(Endpoints.DEAD_LETTERS + "/"));
        var leaks = new ArrayList<String>();
        for (StaffViews.View view : views) {
            identities.in(view.body()).forEach(found -> leaks.add(view.what() + ": " + found));
        }
        assertThat(leaks)
                .as("support answers holding a legal name or ID number")
                .isEmpty();
    }

    @Test
    void deadLettersKeepNothingOfTheIdentityARecordCarriedInItsKeyHeadersOrFieldNames() {
        var leaks = new ArrayList<String>();

        for (DatabaseSnapshot.Cell cell : DatabaseSnapshot.cells(suite.databases())) {
            envelope.in(cell.bytes()).forEach(found -> leaks.add(cell + ": " + found));
        }
        for (StaffViews.View view : StaffViews.support(suite, List.of(), List.of())) {
            envelope.in(view.body()).forEach(found -> leaks.add(view.what() + ": " + found));
        }
        for (Path log : suite.allLogs()) {
            envelope.in(read(log)).forEach(found -> leaks.add(log.getFileName() + ": " + found));
        }
        assertThat(leaks)
                .as("an ID number, email or phone from a dead letter's key, headers or field names")
                .isEmpty();
    }

    @Test
    void logsHoldNoIdentityAndOnlyMaskedContactPoints() {
        List<Path> logs = suite.allLogs();
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = read(log);
            assertThat(identities.in(text))
                    .as("legal name or ID number in %s", log)
                    .isEmpty();
            for (Person person : people) {
                assertThat(text)
                        .as("unmasked contact points in %s", log)
                        .doesNotContain(person.phone())
                        .doesNotContain(person.email());
            }
        }
    }

    /** A made-up person without an account, for records no service should have accepted. */
    private static Person made(String tag) {
        return new Person(
                UUID.randomUUID(),
                FakePeople.email(tag),
                FakePeople.phone(),
                FakePeople.legalName(),
                FakePeople.idNumber());
    }

    /**
     * What a staff member might write back: the ID number and contact points, which have patterns to mask. (A name has
     * none: staff are told never to write one, as in every text that leaves verification-service.)
     */
    private static String quotingContacts(Person person) {
        return "We checked ID " + person.idNumber() + "; we will call " + person.phone() + " or mail " + person.email();
    }

    private static String quoting(Person person) {
        return "{\"message\": \"I am " + person.legalName() + ", ID " + person.idNumber() + ", call " + person.phone()
                + " or mail " + person.email() + "\"}";
    }

    private static List<String> idNumbersIn(String text) {
        Secrets numbers = new Secrets();
        people.forEach(person -> numbers.add(person.idNumber()));
        return numbers.in(text);
    }

    /**
     * The JSON text with the {@code message} of every complaint left out: in a case's {@code complaints}, and in every
     * complaint or appeal of the staff lists (the objects with a {@code complaintId}).
     */
    private static String withoutComplaintTexts(String json) {
        JsonNode tree = Clearings.json(json);
        tree.findParents("complaints")
                .forEach(parent -> parent.path("complaints").forEach(complaint -> {
                    if (complaint instanceof ObjectNode object) {
                        object.remove("message");
                    }
                }));
        tree.findParents("complaintId").forEach(parent -> {
            if (parent instanceof ObjectNode object) {
                object.remove("message");
            }
        });
        return tree.toString();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
