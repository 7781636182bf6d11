package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.clearname.local.FakePeople;
import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Submitting and withdrawing need a sign-in within the last 300 s; reading does not. */
@QuarkusTest
class RecentAuthenticationTest {

    private static final Duration STALE = Duration.ofSeconds(301);

    @Test
    void submissionWithAStaleSignInIsRefusedWithAStepUpChallengeAndCreatesNothing() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        signedInAgo(account, STALE)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                .header("WWW-Authenticate", containsString("max_age=300"))
                .body("type", endsWith("/insufficient-user-authentication"))
                .body("maxAge", is(300));

        Api.as(account)
                .get("/api/v1/me/clearing-requests")
                .then()
                .statusCode(200)
                .body("$", empty());
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
    }

    @Test
    void submissionWithinTheWindowIsAccepted() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        signedInAgo(account, Duration.ofSeconds(240))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(202);
    }

    @Test
    void withdrawalWithAStaleSignInIsRefusedAndTheRequestStaysActive() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        // The test profile approves nothing on its own: without an AuditCompleted the request stays SUBMITTED.
        String request = Api.submit(account);

        signedInAgo(account, STALE)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("insufficient_user_authentication"));

        Api.as(account).get("/api/v1/me/clearing-requests/" + request).then().body("status", is("SUBMITTED"));
    }

    @Test
    void readingNeedsNoRecentSignIn() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        signedInAgo(account, Duration.ofDays(3))
                .get("/api/v1/me/real-name")
                .then()
                .statusCode(200);
    }

    private static RequestSpecification signedInAgo(UUID account, Duration age) {
        return given().auth()
                .oauth2(JwtTestResource.token(account.toString(), age, "user"))
                .contentType("application/json");
    }
}
