package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a person meets on the way, through the public APIs only, as the person, reviewers, a reviewer lead and
 * support: every blocker before submitting, in the account's language; a notice at every step; their data exported;
 * a hold that appears during the cooling-off stopping the erasure; a complaint on a rejected request reviewed again by
 * someone else and answered; and a receipt that says what every service kept and why.
 *
 * <p>The cooling-off is long enough to act in while a request waits in it.
 */
@WithSuite(coolingOff = "PT15S")
class JourneyIT {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final String PREFLIGHT = "/api/v1/me/real-name/clearing/preflight";
    private static final String PROBLEMS = "https://clearname.io/problems/";

    @Test
    void aPersonSeesEveryBlockerBeforeSubmittingInTheirLanguage(Suite suite) {
        Person person = person(suite, "zh-CN", Instant.now().minusSeconds(30 * 86_400));
        support(suite, person, "{\"restrictions\": [\"LEGAL_HOLD\"], \"walletBalanceCents\": 1250}");

        JsonNode chinese = Clearings.read(Staff.person(suite, person, Service.ACCOUNT, "GET", PREFLIGHT, null));
        assertThat(chinese.path("eligible").asBoolean()).isFalse();
        assertThat(chinese.path("language").asText()).isEqualTo("zh-CN");
        assertThat(codes(chinese.path("blockers"))).contains("LEGAL_HOLD", "WALLET_BALANCE");
        chinese.path("blockers").forEach(blocker -> {
            assertThat(blocker.path("message").asText())
                    .as("blocker %s", blocker)
                    .containsPattern(CHINESE);
            assertThat(blocker.path("resolution").asText())
                    .as("blocker %s", blocker)
                    .containsPattern(CHINESE);
        });
        assertThat(codes(chinese.path("acknowledgements")))
                .containsExactlyInAnyOrder("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT");
        chinese.path("acknowledgements")
                .forEach(ack -> assertThat(ack.path("text").asText()).containsPattern(CHINESE));
        assertThat(chinese.path("backupReminder").asText()).containsPattern(CHINESE);

        JsonNode english =
                Clearings.read(Staff.person(suite, person, Service.ACCOUNT, "GET", PREFLIGHT + "?lang=en", null));
        assertThat(english.path("language").asText()).isEqualTo("en");
        english.path("blockers")
                .forEach(blocker -> assertThat(blocker.path("message").asText())
                        .as("blocker %s", blocker)
                        .doesNotContainPattern(CHINESE));
        assertThat(english.path("backupReminder").asText()).doesNotContainPattern(CHINESE);

        Api.Response refused =
                suite.api().submitClearing(person.account(), UUID.randomUUID().toString());
        assertThat(refused.status()).as("submission while blocked: %s", refused).isEqualTo(409);
        assertThat(suite.api().realName(person.account()).path("status").asText())
                .isEqualTo("VERIFIED");
    }

    @Test
    void aPersonIsToldAtEveryStepAndTheReceiptSaysWhatEveryServiceKept(Suite suite) {
        Person person = Clearings.recentlyVerified(suite.api(), "steps");
        support(
                suite,
                person,
                "{\"vip\": {\"paid\": true, \"expiresAt\": \"" + Instant.now().plusSeconds(40 * 86_400)
                        + "\", \"autoRenew\": false}}");
        UUID request = Clearings.submit(suite.api(), person.account());
        Staff.awaitNotice(suite, request, "RECEIPT");
        Staff.awaitNotice(suite, request, "IN_REVIEW");

        Staff.decide(suite, "reviewer-approves", request, "APPROVED", null);
        Staff.awaitNotice(suite, request, "APPROVED");
        assertThat(Timeline.status(suite.api().clearingRequest(person.account(), request)))
                .as("still in its cooling-off when told it was approved")
                .isEqualTo("APPROVED");

        Staff.awaitNotice(suite, request, "CLEARED");
        assertThat(Staff.noticeKinds(suite, request))
                .as("the notices of request %s", request)
                .containsExactlyInAnyOrder("RECEIPT", "IN_REVIEW", "APPROVED", "CLEARED");

        JsonNode cleared = await("the data key of " + request + " destroyed and the receipt saying so")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(
                        () -> suite.api().clearingRequest(person.account(), request),
                        r -> outcome(r, "DATA_KEY").equals("REMOVED"));
        JsonNode receipt = cleared.path("erasureReceipt");
        assertThat(outcome(cleared, "LEGAL_NAME")).isEqualTo("REMOVED");
        assertThat(outcome(cleared, "ID_NUMBER")).isEqualTo("REMOVED");
        assertThat(outcome(cleared, "VIP")).isEqualTo("REVOKED");
        assertThat(outcome(cleared, "ID_FINGERPRINT")).isEqualTo("RETAINED");
        assertThat(outcome(cleared, "CONTACT_SNAPSHOT")).isEqualTo("RETAINED");
        assertThat(line(cleared, "DATA_KEY").path("doneAt").asText()).isNotEmpty();
        assertThat(texts(receipt, "service"))
                .as("where the receipt says data was removed or kept")
                .contains("account-service", "verification-service", "notification-service");
        receipt.forEach(line -> {
            if (line.path("outcome").asText().equals("RETAINED")) {
                assertThat(line.path("detail").asText())
                        .as("why %s is kept", line)
                        .isNotBlank();
            }
        });

        EventLog events = EventLog.read(suite.bootstrapServers(), List.of(Topics.ENTITLEMENTS_REVOKED));
        List<JsonNode> revoked = events.about(Topics.ENTITLEMENTS_REVOKED, request).stream()
                .map(EventLog::payload)
                .toList();
        assertThat(revoked).as("EntitlementsRevoked of %s", request).hasSize(1);
        assertThat(texts(revoked.get(0).path("revocations"), "entitlement")).containsExactly("VIP");
        assertThat(revoked.get(0).toString()).doesNotContain(person.legalName(), person.idNumber());
    }

    @Test
    void aHoldSetDuringTheCoolingOffStopsTheErasure(Suite suite) {
        Person person = Clearings.recentlyVerified(suite.api(), "hold");
        UUID request = Clearings.submit(suite.api(), person.account());
        Staff.awaitNotice(suite, request, "IN_REVIEW");
        Staff.decide(suite, "reviewer-approves-held", request, "APPROVED", null);
        await("request " + request + " approved")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(() -> Timeline.status(suite.api().clearingRequest(person.account(), request))
                        .equals("APPROVED"));

        support(suite, person, "{\"restrictions\": [\"LEGAL_HOLD\"]}");

        JsonNode ended = await("request " + request + " ended by the hold")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(
                        () -> suite.api().clearingRequest(person.account(), request),
                        r -> !Timeline.status(r).equals("APPROVED"));
        assertThat(Timeline.status(ended)).isEqualTo("REJECTED");
        assertThat(texts(ended.path("reasons"), "code")).containsExactly("ACCOUNT_RESTRICTED");
        assertThat(suite.api().realName(person.account()).path("status").asText())
                .as("the real name is kept")
                .isEqualTo("VERIFIED");
        Staff.awaitNotice(suite, request, "REJECTED");
        assertThat(Staff.noticeKinds(suite, request)).doesNotContain("CLEARED");
    }

    @Test
    void aComplaintOnARejectedRequestIsReviewedAgainBySomeoneElseAndAnswered(Suite suite) {
        Person person = Clearings.recentlyVerified(suite.api(), "appeal");
        UUID request = Clearings.submit(suite.api(), person.account());
        Staff.awaitNotice(suite, request, "IN_REVIEW");
        Staff.decide(suite, "reviewer-first", request, "REJECTED", "SUSPECTED_MISUSE");
        Staff.awaitNotice(suite, request, "REJECTED");

        UUID complaint = Clearings.complain(
                suite,
                person,
                request,
                UUID.randomUUID().toString(),
                "{\"message\": \"I only changed my phone. Please look again.\"}");
        Staff.awaitNotice(suite, request, "COMPLAINT_RECEIVED");
        JsonNode appeal = Staff.items(Staff.verification(
                        suite, "support-desk", "support", "GET", "/api/v1/review/appeals?state=OPEN", null))
                .stream()
                .filter(a -> a.path("requestId").asText().equals(request.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open appeal on " + request));
        String appeals = "/api/v1/review/appeals/" + appeal.path("appealId").asText();

        Http.Answer byFirst =
                Staff.verification(suite, "reviewer-first", "reviewer", "POST", appeals + "/assignment", null);
        assertThat(byFirst.status())
                .as("the first reviewer claims: %s", byFirst.body())
                .isEqualTo(409);
        assertThat(Clearings.read(byFirst).path("type").asText()).isEqualTo(PROBLEMS + "appeal-reviewer-conflict");

        Http.Answer claimed =
                Staff.verification(suite, "reviewer-second", "reviewer", "POST", appeals + "/assignment", null);
        assertThat(claimed.status())
                .as("another reviewer claims: %s", claimed.body())
                .isEqualTo(200);
        String decision = "{\"outcome\": \"UPHELD\", \"userMessage\": \"The decision stands.\"}";
        Http.Answer decided =
                Staff.verification(suite, "reviewer-second", "reviewer", "POST", appeals + "/decision", decision);
        assertThat(decided.status()).as("second review: %s", decided.body()).isEqualTo(200);
        Http.Answer again =
                Staff.verification(suite, "reviewer-second", "reviewer", "POST", appeals + "/decision", decision);
        assertThat(again.status())
                .as("a second decision of a final one: %s", again.body())
                .isEqualTo(409);
        Staff.awaitNotice(suite, request, "APPEAL_DECIDED");

        JsonNode answered = Clearings.read(Staff.person(
                suite,
                person,
                Service.VERIFICATION,
                "GET",
                "/api/v1/me/clearing-requests/" + request + "/complaints/" + complaint,
                null));
        assertThat(answered.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.path("answer").asText()).contains("The decision stands.");
        assertThat(Staff.items(Staff.verification(
                                suite, "support-desk", "support", "GET", "/api/v1/review/appeals?state=OPEN", null))
                        .stream()
                        .map(a -> a.path("requestId").asText()))
                .doesNotContain(request.toString());
    }

    @Test
    void supportAnswersAComplaintOnAWithdrawnRequestAndThePersonIsTold(Suite suite) {
        Person person = Clearings.recentlyVerified(suite.api(), "answered");
        UUID request = Clearings.submit(suite.api(), person.account());
        Staff.awaitNotice(suite, request, "IN_REVIEW");
        Api.Response withdrawn = suite.api().withdraw(person.account(), request);
        assertThat(withdrawn.status()).as("withdrawal: %s", withdrawn).isEqualTo(200);
        Staff.awaitNotice(suite, request, "WITHDRAWN");
        // The case leaves the queue when verification-service hears of the withdrawal; until then a complaint would
        // escalate it.
        await("the case of " + request + " closed as withdrawn")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(() -> Clearings.read(Staff.person(
                                suite,
                                person,
                                Service.VERIFICATION,
                                "GET",
                                "/api/v1/me/clearing-requests/" + request + "/audit",
                                null))
                        .path("state")
                        .asText()
                        .equals("WITHDRAWN"));

        UUID complaint = Clearings.complain(
                suite, person, request, UUID.randomUUID().toString(), "{\"message\": \"Why was it so slow?\"}");
        // Acknowledged first: the answer's event may reach notification-service before the complaint's own.
        Staff.awaitNotice(suite, request, "COMPLAINT_RECEIVED");
        String path = "/api/v1/review/complaints/" + complaint;
        JsonNode open = Clearings.read(Staff.verification(suite, "support-desk", "support", "GET", path, null));
        assertThat(open.path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(open.path("status").asText()).isEqualTo("OPEN");

        Http.Answer answer = Staff.verification(
                suite,
                "support-desk",
                "support",
                "POST",
                path + "/answer",
                "{\"message\": \"Reviews took longer this week; sorry for the wait.\"}");
        assertThat(answer.status()).as("answer: %s", answer.body()).isEqualTo(200);
        Staff.awaitNotice(suite, request, "COMPLAINT_ANSWERED");
        assertThat(Staff.noticeKinds(suite, request))
                .containsExactlyInAnyOrder(
                        "RECEIPT", "IN_REVIEW", "WITHDRAWN", "COMPLAINT_RECEIVED", "COMPLAINT_ANSWERED");
    }

    @Test
    void aPersonExportsWhatTheAccountHoldsBeforeClearing(Suite suite) throws Exception {
        Person person = Person.verified(suite.api(), "export");
        assertThat(Clearings.read(Staff.person(suite, person, Service.ACCOUNT, "GET", PREFLIGHT, null))
                        .path("lastExportAt")
                        .isNull())
                .isTrue();

        Http.Answer export = Staff.person(suite, person, Service.ACCOUNT, "GET", "/api/v1/me/export", null);

        assertThat(export.status()).as("export: %s", export.body()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment");
        byte[] bytes = export.body().getBytes(StandardCharsets.UTF_8);
        String digest = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(export.header("Repr-Digest")).isEqualTo("sha-256=:" + digest + ":");
        assertThat(export.body()).contains(person.legalName(), person.idNumber());
        assertThat(Clearings.read(Staff.person(suite, person, Service.ACCOUNT, "GET", PREFLIGHT, null))
                        .path("lastExportAt")
                        .asText())
                .isNotEmpty();

        Http.Answer stale = Http.call(
                suite.url(Service.ACCOUNT),
                "GET",
                "/api/v1/me/export",
                io.clearname.local.Tokens.sign(
                        suite.signingKey(),
                        io.clearname.local.Tokens.DEV_ISSUER,
                        person.account().toString(),
                        java.util.Set.of("user"),
                        Instant.now().minusSeconds(1800),
                        java.time.Duration.ofHours(1)),
                null,
                Map.of());
        assertThat(stale.status()).as("export after an old sign-in").isEqualTo(401);
    }

    @Test
    void aReviewerLeadReassignsACaseWhoseReviewerIsAway(Suite suite) {
        Person person = Clearings.recentlyVerified(suite.api(), "reassign");
        UUID request = Clearings.submit(suite.api(), person.account());
        Staff.awaitNotice(suite, request, "IN_REVIEW");
        String cases = "/api/v1/review/cases/" + request;
        Http.Answer claimed =
                Staff.verification(suite, "reviewer-away", "reviewer", "POST", cases + "/assignment", null);
        assertThat(claimed.status()).as("claim: %s", claimed.body()).isEqualTo(200);

        String body = "{\"reviewerId\": \"reviewer-present\"}";
        Http.Answer byReviewer =
                Staff.verification(suite, "reviewer-other", "reviewer", "PUT", cases + "/assignee", body);
        assertThat(byReviewer.status()).as("a reviewer reassigns").isEqualTo(403);
        Http.Answer byLead = Staff.verification(suite, "lead", "reviewer-lead", "PUT", cases + "/assignee", body);
        assertThat(byLead.status()).as("the lead reassigns: %s", byLead.body()).isEqualTo(200);

        JsonNode reassigned = Clearings.read(Staff.verification(suite, "lead", "reviewer-lead", "GET", cases, null));
        assertThat(reassigned.path("assignee").asText()).isEqualTo("reviewer-present");
        assertThat(texts(reassigned.path("actions"), "type")).contains("REASSIGNED");
    }

    /** An account of the given language with a real name verified at {@code verifiedAt}. */
    private static Person person(Suite suite, String locale, Instant verifiedAt) {
        String email = FakePeople.email("journey");
        String phone = FakePeople.phone();
        String legalName = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        UUID account = suite.api().createVerifiedAccount(email, phone, locale, legalName, idNumber, verifiedAt);
        return new Person(account, email, phone, legalName, idNumber);
    }

    /** Support changes the account. */
    private static void support(Suite suite, Person person, String changes) {
        Http.Answer changed = Http.call(
                suite.url(Service.ACCOUNT),
                "PATCH",
                "/api/v1/admin/accounts/" + person.account(),
                suite.token("e2e-support", "support"),
                changes,
                Map.of());
        assertThat(changed.status())
                .as("support changes the account: %s", changed.body())
                .isEqualTo(200);
    }

    private static List<String> codes(JsonNode items) {
        return texts(items, "code");
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new java.util.ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private static JsonNode line(JsonNode request, String category) {
        for (JsonNode line : request.path("erasureReceipt")) {
            if (line.path("category").asText().equals(category)) {
                return line;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String outcome(JsonNode request, String category) {
        return line(request, category).path("outcome").asText();
    }
}
