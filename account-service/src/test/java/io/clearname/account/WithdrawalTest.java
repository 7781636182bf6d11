package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Withdrawal with the test profile's zero cooling-off: an approval erases at once. */
@QuarkusTest
class WithdrawalTest {

    @Test
    void submittedRequestIsWithdrawnKeepingTheRealNameAndConcludesOnce() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));

        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("WITHDRAWN"))
                .body("timeline.type", hasItem("WITHDRAWN"));

        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
        var concluded = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        assertThat(concluded).hasSize(1);
        assertThat(EventJson.read(concluded.get(0).value(), ClearingConcluded.class)
                        .outcome())
                .isEqualTo(ClearingConcluded.Outcome.WITHDRAWN);
    }

    @Test
    void aLateApprovalDoesNotUndoAWithdrawal() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(200);

        EventRecords.publish(Events.approved(account, request));
        EventRecords.publish(Events.notified(account, request)); // marker behind the approval on the same partition
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.as(account)
                        .get("/api/v1/me/clearing-requests/" + request)
                        .then()
                        .extract()
                        .<java.util.List<String>>path("timeline.type")
                        .contains("USER_NOTIFIED"));

        Api.as(account).get("/api/v1/me/clearing-requests/" + request).then().body("status", is("WITHDRAWN"));
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
    }

    @Test
    void concludedRequestCannotBeWithdrawn() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "CLEARED"
                        .equals(Api.as(account)
                                .get("/api/v1/me/clearing-requests/" + request)
                                .then()
                                .extract()
                                .path("status")));

        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-withdrawable"))
                .body("status", is(409))
                .body("requestStatus", is("CLEARED"));
    }

    @Test
    void anotherAccountsRequestCannotBeWithdrawn() {
        UUID owner = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(owner));

        Api.as(UUID.randomUUID())
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(404);
        Api.as(owner).get("/api/v1/me/clearing-requests/" + request).then().body("status", is("SUBMITTED"));
    }

    @RepeatedTest(5)
    void withdrawalRacingAnApprovalEndsInExactlyOneOutcome() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));

        var approval = CompletableFuture.runAsync(() -> EventRecords.publish(Events.approved(account, request)));
        int withdrawal = Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .extract()
                .statusCode();
        approval.join();

        assertThat(withdrawal).isIn(200, 409);
        String expected = withdrawal == 200 ? "WITHDRAWN" : "CLEARED";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> expected.equals(Api.as(account)
                        .get("/api/v1/me/clearing-requests/" + request)
                        .then()
                        .extract()
                        .path("status")));
        Api.as(account)
                .get("/api/v1/me/real-name")
                .then()
                .body("status", is(withdrawal == 200 ? "VERIFIED" : "CLEARED"));
        var concluded = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        assertThat(concluded).hasSize(1);
        assertThat(EventJson.read(concluded.get(0).value(), ClearingConcluded.class)
                        .outcome()
                        .name())
                .isIn(Set.of(expected));
    }
}
