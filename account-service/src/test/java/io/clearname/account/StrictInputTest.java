package io.clearname.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.clearname.local.FakePeople;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Input that is not exactly what the API reads is refused with 400 or 413 problem details, and changes nothing. */
@QuarkusTest
class StrictInputTest {

    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        UUID account = Api.createAccount();

        Api.as(account)
                .body("{\"legalName\": \"" + FakePeople.legalName() + "\", \"idNumber\": \"" + FakePeople.idNumber()
                        + "\", \"isAdmin\": true}")
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-request"))
                .body("detail", containsString("'isAdmin'"));
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("UNVERIFIED"));
    }

    @Test
    void duplicateKeysTrailingContentAndWrongTypesAreRefused() {
        UUID account = Api.createAccount();
        String name = FakePeople.legalName();
        String id = FakePeople.idNumber();

        for (String body : new String[] {
            "{\"legalName\": \"" + name + "\", \"legalName\": \"x\", \"idNumber\": \"" + id + "\"}",
            "{\"legalName\": \"" + name + "\", \"idNumber\": \"" + id + "\"} trailing",
            "{\"legalName\": [1, 2], \"idNumber\": \"" + id + "\"}",
            "{\"legalName\": \"" + name + "\"",
            "[]",
            "null"
        }) {
            Api.as(account)
                    .body(body)
                    .put("/api/v1/me/real-name")
                    .then()
                    .statusCode(org.hamcrest.Matchers.either(is(400)).or(is(422)))
                    .contentType("application/problem+json");
        }
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("UNVERIFIED"));
    }

    @Test
    void anAcknowledgementGivenAsANumberIsRefused() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"acknowledgements\": [0, 1, 2]}")
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(400)
                .body("type", endsWith("/malformed-request"));
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void aNullAcknowledgementIsRefusedWith422() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"acknowledgements\": [null, null]}")
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(422)
                .body("type", endsWith("/validation-failed"));
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        UUID account = Api.createAccount();
        String huge = "x".repeat(70 * 1024);

        Api.as(account)
                .body("{\"legalName\": \"" + huge + "\", \"idNumber\": \"" + FakePeople.idNumber() + "\"}")
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("/payload-too-large"));
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("UNVERIFIED"));
    }
}
