package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.clearname.events.ClearRequested;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lead gives cases and appeals to reviewers, and may do whatever a reviewer may. */
@QuarkusTest
class ReassignmentTest {

    private static final String PROBLEMS = "https://clearname.io/problems/";

    @Test
    void leadReassignsACaseAndTheHistoryRecordsIt() {
        UUID request = ManualReviewTest.reviewCase();
        String alice = Api.reviewer();
        String bob = Api.reviewer();
        Api.asReviewer(alice)
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(200);

        Api.asStaff("lead-1", "reviewer-lead")
                .body(Map.of("reviewerId", bob, "note", "alice is away"))
                .put("/api/v1/review/cases/" + request + "/assignee")
                .then()
                .statusCode(200)
                .body("assignee", is(bob));

        var reassigned = Api.caseOf(request).getList("actions.findAll { it.type == 'REASSIGNED' }", Map.class);
        assertThat(reassigned).hasSize(1);
        assertThat(reassigned.get(0).get("actor")).isEqualTo("lead-1");
        assertThat(reassigned.get(0).get("detail")).isEqualTo("from " + alice + " to " + bob + ": alice is away");
        Api.asReviewer(alice)
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request + "/decision")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "case-assigned"));
    }

    @Test
    void plainReviewerCannotReassignAndAClosedCaseCannotBeReassigned() {
        UUID request = ManualReviewTest.reviewCase();
        Api.asReviewer(Api.reviewer())
                .body(Map.of("reviewerId", "reviewer-x"))
                .put("/api/v1/review/cases/" + request + "/assignee")
                .then()
                .statusCode(403);
        Api.asStaff("lead-1", "reviewer-lead")
                .body(Map.of("reviewerId", " "))
                .put("/api/v1/review/cases/" + request + "/assignee")
                .then()
                .statusCode(422);
        Api.asStaff("lead-1", "reviewer-lead")
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request + "/decision")
                .then()
                .statusCode(200)
                .body("decision.decidedBy", is("lead-1"));
        Api.asStaff("lead-1", "reviewer-lead")
                .body(Map.of("reviewerId", "reviewer-x"))
                .put("/api/v1/review/cases/" + request + "/assignee")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "case-not-open"));
        assertThat(Api.caseOf(request).getList("actions.type")).doesNotContain("REASSIGNED");
    }

    @Test
    void leadReassignsAnAppealNeverToTheFirstDecider() {
        String first = Api.reviewer();
        String other = Api.reviewer();
        ClearRequested request = Cases.rejectedBy(first);
        UUID appealId = Cases.appeal(request);
        String path = "/api/v1/review/appeals/" + appealId + "/assignee";

        Api.asStaff("lead-1", "reviewer-lead")
                .body(Map.of("reviewerId", first))
                .put(path)
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "appeal-reviewer-conflict"));
        Api.asReviewer(other).body(Map.of("reviewerId", other)).put(path).then().statusCode(403);
        Api.asStaff("lead-1", "reviewer-lead")
                .body(Map.of("reviewerId", other))
                .put(path)
                .then()
                .statusCode(200)
                .body("assignee", is(other));

        List<Map> actions = Api.caseOf(request.requestId()).getList("actions", Map.class);
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.get("type")).isEqualTo("APPEAL_REASSIGNED");
            assertThat(a.get("actor")).isEqualTo("lead-1");
            assertThat((String) a.get("detail")).endsWith("from nobody to " + other);
        });
    }
}
