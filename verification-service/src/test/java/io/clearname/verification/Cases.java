package io.clearname.verification;

import io.clearname.events.ClearRequested;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Brings cases, complaints and appeals into the states a test starts from, through the API as people would. */
final class Cases {
    private Cases() {}

    /** A request of a new account that a reviewer rejected for a recent security change. */
    static ClearRequested rejectedBy(String reviewer) {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "REJECTED", "reasonCodes", List.of("RECENT_SECURITY_CHANGE")))
                .post("/api/v1/review/cases/" + request.requestId() + "/decision")
                .then()
                .statusCode(200);
        return request;
    }

    /** The owner's complaint on their request: 201, its body. */
    static JsonPath complain(ClearRequested request, String message) {
        return Api.as(request.accountId())
                .body(Map.of("message", message))
                .post("/api/v1/me/clearing-requests/" + request.requestId() + "/complaints")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** A complaint as staff see it. */
    static JsonPath staffComplaint(String complaintId) {
        return Api.asStaff("support-reader", "support")
                .get("/api/v1/review/complaints/" + complaintId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The owner appeals the rejection of {@code request}; the appeal's id. */
    static UUID appeal(ClearRequested request) {
        String complaintId =
                complain(request, "I changed the phone number myself.").getString("complaintId");
        return UUID.fromString(staffComplaint(complaintId).getString("appealId"));
    }

    static JsonPath appealOf(UUID appealId) {
        return Api.asStaff("support-reader", "support")
                .get("/api/v1/review/appeals/" + appealId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
