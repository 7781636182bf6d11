package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The staff endpoints of complaints, appeals and reassignment: 401 without a token, 403 for the wrong role. */
@QuarkusTest
class StaffRolesTest {

    private static final String FORBIDDEN = "https://clearname.io/problems/forbidden";

    @Test
    void everyStaffEndpointNeedsAToken() {
        String complaint = "/api/v1/review/complaints/" + UUID.randomUUID();
        String appeal = "/api/v1/review/appeals/" + UUID.randomUUID();
        given().get("/api/v1/review/complaints").then().statusCode(401);
        given().get(complaint).then().statusCode(401);
        given().contentType("application/json")
                .body(Map.of("message", "x"))
                .post(complaint + "/answer")
                .then()
                .statusCode(401);
        given().get("/api/v1/review/appeals").then().statusCode(401);
        given().get(appeal).then().statusCode(401);
        given().contentType("application/json")
                .post(appeal + "/assignment")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .delete(appeal + "/assignment")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(Map.of("outcome", "UPHELD"))
                .post(appeal + "/decision")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(Map.of("reviewerId", "r"))
                .put(appeal + "/assignee")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(Map.of("reviewerId", "r"))
                .put("/api/v1/review/cases/" + UUID.randomUUID() + "/assignee")
                .then()
                .statusCode(401);
    }

    @Test
    void theOwnerReachesNoStaffEndpoint() {
        UUID person = UUID.randomUUID();
        String appeal = "/api/v1/review/appeals/" + UUID.randomUUID();
        Api.as(person).get("/api/v1/review/complaints").then().statusCode(403).body("type", is(FORBIDDEN));
        Api.as(person)
                .body(Map.of("message", "x"))
                .post("/api/v1/review/complaints/" + UUID.randomUUID() + "/answer")
                .then()
                .statusCode(403);
        Api.as(person).get("/api/v1/review/appeals").then().statusCode(403);
        Api.as(person).get(appeal).then().statusCode(403);
        Api.as(person).post(appeal + "/assignment").then().statusCode(403);
        Api.as(person)
                .body(Map.of("outcome", "UPHELD"))
                .post(appeal + "/decision")
                .then()
                .statusCode(403);
    }

    @Test
    void supportReadsAndAnswersButNeitherReviewsAppealsNorReassigns() {
        String appeal = "/api/v1/review/appeals/" + UUID.randomUUID();
        var support = Api.asStaff("support-1", "support");
        support.get("/api/v1/review/complaints").then().statusCode(200);
        Api.asStaff("support-1", "support").get("/api/v1/review/appeals").then().statusCode(200);
        Api.asStaff("support-1", "support").get(appeal).then().statusCode(404);
        Api.asStaff("support-1", "support")
                .post(appeal + "/assignment")
                .then()
                .statusCode(403)
                .body("type", is(FORBIDDEN));
        Api.asStaff("support-1", "support")
                .delete(appeal + "/assignment")
                .then()
                .statusCode(403);
        Api.asStaff("support-1", "support")
                .body(Map.of("outcome", "UPHELD"))
                .post(appeal + "/decision")
                .then()
                .statusCode(403);
        Api.asStaff("support-1", "support")
                .body(Map.of("reviewerId", "r"))
                .put(appeal + "/assignee")
                .then()
                .statusCode(403);
        Api.asStaff("support-1", "support").get("/api/v1/review/cases").then().statusCode(403);
        Api.asStaff("support-1", "support")
                .body(Map.of("reviewerId", "r"))
                .put("/api/v1/review/cases/" + UUID.randomUUID() + "/assignee")
                .then()
                .statusCode(403);
    }

    @Test
    void reviewersAndLeadsReadTheQueuesOnlyLeadsReassign() {
        Api.asReviewer(Api.reviewer()).get("/api/v1/review/complaints").then().statusCode(200);
        Api.asReviewer(Api.reviewer()).get("/api/v1/review/appeals").then().statusCode(200);
        Api.asStaff("lead-1", "reviewer-lead")
                .get("/api/v1/review/cases")
                .then()
                .statusCode(200);
        Api.asStaff("lead-1", "reviewer-lead")
                .get("/api/v1/review/complaints")
                .then()
                .statusCode(200);
        Api.asStaff("lead-1", "reviewer-lead")
                .get("/api/v1/review/reason-codes")
                .then()
                .statusCode(200);
        Api.asReviewer(Api.reviewer())
                .body(Map.of("reviewerId", "r"))
                .put("/api/v1/review/appeals/" + UUID.randomUUID() + "/assignee")
                .then()
                .statusCode(403);
    }
}
