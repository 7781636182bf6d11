package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClearingSubmissionTest {

    @Test
    void submissionIsAcceptedAndPublishesClearRequestedWithoutTheNameOrIdNumber() {
        String name = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        UUID account = Api.createVerifiedAccount(name, idNumber);

        var response = Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(202)
                .body("status", is("SUBMITTED"))
                .body("expectedDecisionBy", notNullValue())
                .extract();
        UUID request = UUID.fromString(response.path("requestId"));
        assertThat(response.header("Location")).endsWith("/api/v1/me/clearing-requests/" + request);

        var records = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEAR_REQUESTED, request), r -> r.size() == 1);
        String json = records.get(0).value();
        assertThat(json).doesNotContain(name).doesNotContain(idNumber);
        ClearRequested event = EventJson.read(json, ClearRequested.class);
        assertThat(event.accountId()).isEqualTo(account);
        assertThat(event.contact().email()).isEqualTo("person@example.com");
        assertThat(event.auditSnapshot().idFingerprint()).hasSize(64);
        assertThat(records.get(0).key()).isEqualTo(account.toString());
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("CLEARING"));
    }

    @Test
    void missingAcknowledgementsAre422ListingThemAndChangeNothing() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        submitWith(account, UUID.randomUUID().toString(), Map.of("acknowledgements", List.of("BACKUP_DONE")))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/acknowledgements-missing"))
                .body("missing", containsInAnyOrder("ENTITLEMENTS_LOST", "CONTACT_CORRECT"));
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(0));
    }

    @Test
    void secondActiveRequestIs409() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        Api.submit(account);

        submitWith(account, UUID.randomUUID().toString(), Api.ALL_ACKNOWLEDGED)
                .then()
                .statusCode(409)
                .body("type", endsWith("/clearing-active"))
                .body("blockers[0].code", is("ACTIVE_REQUEST"));
    }

    @RepeatedTest(3)
    void concurrentSubmissionsGiveExactlyOneAcceptedAndOneConflict() throws Exception {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<Integer> submit = () -> {
            start.await();
            return submitWith(account, UUID.randomUUID().toString(), Api.ALL_ACKNOWLEDGED)
                    .statusCode();
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(submit);
            var second = pool.submit(submit);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(202, 409);
        } finally {
            pool.shutdown();
        }
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(1));
    }

    @Test
    void accountWithoutRealNameCannotSubmit() {
        UUID account = Api.createAccount();

        submitWith(account, UUID.randomUUID().toString(), Api.ALL_ACKNOWLEDGED)
                .then()
                .statusCode(409)
                .body("type", endsWith("/clearing-blocked"))
                .body("blockers[0].code", is("NOT_VERIFIED"));
    }

    @Test
    void anotherAccountsRequestIs404() {
        UUID owner = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String requestId = Api.submit(owner);

        Api.as(UUID.randomUUID())
                .get("/api/v1/me/clearing-requests/" + requestId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.Response submitWith(UUID account, String key, Map<String, ?> body) {
        return Api.as(account).header("Idempotency-Key", key).body(body).post("/api/v1/me/real-name/clearing");
    }
}
