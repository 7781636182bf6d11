package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.clearname.local.FakePeople;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Submissions (5 an hour) and withdrawals (10 an hour) are limited per account; refused attempts count too. */
@QuarkusTest
class RateLimitTest {

    @Test
    void theSixthSubmissionWithinAnHourIsRefusedWith429AndRetryAfter() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 5; i++) {
            statuses.add(submit(account).then().extract().statusCode());
        }
        assertThat(statuses).containsExactly(202, 409, 409, 409, 409);

        submit(account)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/rate-limited"))
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(3600));

        Api.as(account).get("/api/v1/me/clearing-requests").then().body("$", hasSize(1));
    }

    @Test
    void anotherAccountIsNotLimitedByTheFirstOnesAttempts() {
        UUID busy = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        for (int i = 0; i < 6; i++) {
            submit(busy);
        }
        UUID other = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        submit(other).then().statusCode(202);
    }

    @Test
    void theEleventhWithdrawalWithinAnHourIsRefusedWith429() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String request = Api.submit(account);
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 10; i++) {
            statuses.add(withdraw(account, request));
        }
        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.subList(1, 10)).containsOnly(409);

        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(429)
                .body("type", endsWith("/rate-limited"));
        Api.as(account).get("/api/v1/me/clearing-requests/" + request).then().body("status", is("WITHDRAWN"));
    }

    private static io.restassured.response.Response submit(UUID account) {
        return Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing");
    }

    private static int withdraw(UUID account, String request) {
        return Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .extract()
                .statusCode();
    }
}
