package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ComplaintAnswered;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Complaints as cases: their kind by the case's state, their due date, and staff answers. */
@QuarkusTest
class ComplaintCasesTest {

    private static final String PROBLEMS = "https://clearname.io/problems/";

    @Inject
    AgroalDataSource db;

    @Test
    void complaintOnAnOpenCaseIsAnEscalationDueWithTheCase() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        var auditCase = Api.awaitCase(request.requestId(), "IN_REVIEW");

        var complaint = Cases.complain(request, "Still waiting.");

        assertThat(complaint.getString("kind")).isEqualTo("ESCALATION");
        assertThat(complaint.getString("status")).isEqualTo("OPEN");
        assertThat(complaint.getString("dueAt")).isEqualTo(auditCase.getString("dueAt"));
        ComplaintReceived event = received(request);
        assertThat(event.kind()).isEqualTo("ESCALATION");
        assertThat(event.expectedDecisionBy()).isEqualTo(Instant.parse(auditCase.getString("dueAt")));
    }

    @Test
    void complaintOnARejectedCaseIsAnAppealThatOpensOneAppealOnly() {
        ClearRequested request = Cases.rejectedBy(Api.reviewer());

        var complaint = Cases.complain(request, "I changed the number myself.");

        assertThat(complaint.getString("kind")).isEqualTo("APPEAL");
        var staffView = Cases.staffComplaint(complaint.getString("complaintId"));
        var appeal = Cases.appealOf(UUID.fromString(staffView.getString("appealId")));
        assertThat(appeal.getString("state")).isEqualTo("OPEN");
        assertThat(appeal.getString("complaintId")).isEqualTo(complaint.getString("complaintId"));
        assertThat(appeal.getString("dueAt")).isEqualTo(complaint.getString("dueAt"));
        assertThat(Duration.between(
                        Instant.parse(complaint.getString("receivedAt")), Instant.parse(complaint.getString("dueAt"))))
                .isEqualTo(Duration.ofDays(10));
        ComplaintReceived event = received(request);
        assertThat(event.kind()).isEqualTo("APPEAL");
        assertThat(event.expectedDecisionBy()).isEqualTo(Instant.parse(appeal.getString("dueAt")));
        assertThat(Api.caseOf(request.requestId()).getList("actions.type")).contains("APPEAL");

        var second = Cases.complain(request, "And another thing.");
        assertThat(second.getString("kind")).isEqualTo("COMPLAINT");
        assertThat(Cases.staffComplaint(second.getString("complaintId")).getString("appealId"))
                .isNull();
    }

    @Test
    void complaintOnAWithdrawnOrApprovedCaseIsForCustomerService() {
        ClearRequested withdrawn = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(withdrawn.requestId(), "IN_REVIEW");
        EventRecords.publish(Events.concluded(withdrawn, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()));
        Api.awaitCase(withdrawn.requestId(), "WITHDRAWN");
        ClearRequested approved = Events.request(UUID.randomUUID()).publish();
        Api.awaitCase(approved.requestId(), "DECIDED");

        for (ClearRequested request : List.of(withdrawn, approved)) {
            var complaint = Cases.complain(request, "Why did this take so long?");
            assertThat(complaint.getString("kind")).isEqualTo("COMPLAINT");
            assertThat(Duration.between(
                            Instant.parse(complaint.getString("receivedAt")),
                            Instant.parse(complaint.getString("dueAt"))))
                    .isEqualTo(Duration.ofDays(5));
            assertThat(received(request).kind()).isEqualTo("COMPLAINT");
        }
    }

    @Test
    void staffAnswerIsMaskedPublishedOnceAndShownToTheOwner() {
        ClearRequested request = Events.request(UUID.randomUUID()).publish();
        Api.awaitCase(request.requestId(), "DECIDED");
        String complaintId = Cases.complain(request, "Why was I not told?").getString("complaintId");
        String answer = "Sorry. We called 13800138000 about ID 11010519491231002X.";
        String masked = "Sorry. We called [phone] about ID [id-number].";

        Api.asStaff("support-2", "support")
                .get("/api/v1/review/complaints?status=OPEN&kind=COMPLAINT&limit=200")
                .then()
                .statusCode(200)
                .body("complaintId", hasItem(complaintId));
        Api.asStaff("support-2", "support")
                .body(Map.of("message", answer))
                .post("/api/v1/review/complaints/" + complaintId + "/answer")
                .then()
                .statusCode(200)
                .body("status", is("ANSWERED"))
                .body("answer", is(masked))
                .body("answeredBy", is("support-2"));
        Api.asStaff("support-2", "support")
                .body(Map.of("message", answer))
                .post("/api/v1/review/complaints/" + complaintId + "/answer")
                .then()
                .statusCode(200)
                .body("answer", is(masked));
        Api.asStaff("support-3", "support")
                .body(Map.of("message", "A different answer."))
                .post("/api/v1/review/complaints/" + complaintId + "/answer")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "complaint-answered"));

        Outbox.awaitDrained(db, request.accountId());
        var records = EventRecords.about(Topics.COMPLAINT_ANSWERED, request.requestId());
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.COMPLAINT_ANSWERED, records.get(0).value()))
                .isEmpty();
        assertThat(records.get(0).value()).doesNotContain("13800138000", "11010519491231002X", "not told");
        ComplaintAnswered event = EventRecords.read(records.get(0), ComplaintAnswered.class);
        assertThat(event.complaintId()).isEqualTo(UUID.fromString(complaintId));
        assertThat(event.answer()).isEqualTo(masked);

        Api.as(request.accountId())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/complaints/" + complaintId)
                .then()
                .statusCode(200)
                .body("status", is("ANSWERED"))
                .body("answer", is(masked))
                .body("answeredAt", not(nullValue()))
                .body("$", not(org.hamcrest.Matchers.hasKey("answeredBy")));
        assertThat(Api.caseOf(request.requestId()).getList("actions.type")).contains("COMPLAINT_ANSWERED");
        Api.asStaff("support-2", "support")
                .get("/api/v1/review/complaints?status=OPEN&kind=COMPLAINT&limit=200")
                .then()
                .body("complaintId", not(hasItem(complaintId)));
    }

    @Test
    void appealIsNotAnsweredByStaffAndBadAnswersAreRefused() {
        ClearRequested request = Cases.rejectedBy(Api.reviewer());
        String appealComplaint = Cases.complain(request, "Please look again.").getString("complaintId");
        String path = "/api/v1/review/complaints/" + appealComplaint + "/answer";

        Api.asStaff("support-2", "support")
                .body(Map.of("message", "We will."))
                .post(path)
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "appeal-pending"))
                .body("appealId", not(nullValue()));
        Api.asStaff("support-2", "support")
                .body(Map.of("message", " "))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("message"));
        Api.asStaff("support-2", "support")
                .body(Map.of("message", "x".repeat(2001)))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("message"));
        Api.asStaff("support-2", "support")
                .body(Map.of("message", "Unknown."))
                .post("/api/v1/review/complaints/" + UUID.randomUUID() + "/answer")
                .then()
                .statusCode(404);
        Api.asStaff("support-2", "support")
                .get("/api/v1/review/complaints?status=LOST")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("status"));
        Api.asStaff("support-2", "support")
                .get("/api/v1/review/complaints?limit=0")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("limit"));
        assertThat(Cases.staffComplaint(appealComplaint).getString("status")).isEqualTo("OPEN");
    }

    private ComplaintReceived received(ClearRequested request) {
        Outbox.awaitDrained(db, request.accountId());
        var records = EventRecords.about(Topics.COMPLAINT_RECEIVED, request.requestId());
        assertThat(EventSchemas.problems(
                        EventType.COMPLAINT_RECEIVED,
                        records.get(records.size() - 1).value()))
                .isEmpty();
        return EventRecords.read(records.get(records.size() - 1), ComplaintReceived.class);
    }
}
