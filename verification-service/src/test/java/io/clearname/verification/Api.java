package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.clearname.local.testing.JwtTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;

/** Calls the API the way clients do: the person with their own token, reviewers with theirs. */
final class Api {
    private Api() {}

    static RequestSpecification as(UUID account) {
        return given().auth()
                .oauth2(JwtTestResource.token(account.toString(), "user"))
                .contentType("application/json");
    }

    static RequestSpecification asReviewer(String reviewer) {
        return given().auth()
                .oauth2(JwtTestResource.token(reviewer, "reviewer"))
                .contentType("application/json");
    }

    /** Staff with one role: {@code reviewer}, {@code reviewer-lead} or {@code support}. */
    static RequestSpecification asStaff(String subject, String role) {
        return given().auth().oauth2(JwtTestResource.token(subject, role)).contentType("application/json");
    }

    static String reviewer() {
        return "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath caseOf(UUID request) {
        return asReviewer("reviewer-reader")
                .get("/api/v1/review/cases/" + request)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the case of {@code request} exists. */
    static JsonPath awaitCaseExists(UUID request) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            var response = asReviewer("reviewer-reader").get("/api/v1/review/cases/" + request);
                            return response.statusCode() == 200 ? response.jsonPath() : new JsonPath("{}");
                        },
                        json -> json.getString("state") != null);
    }

    /** Waits until the case of {@code request} exists and is in {@code state}. */
    static JsonPath awaitCase(UUID request, String state) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            var response = asReviewer("reviewer-reader").get("/api/v1/review/cases/" + request);
                            return response.statusCode() == 200 ? response.jsonPath() : new JsonPath("{}");
                        },
                        json -> state.equals(json.getString("state")));
    }
}
