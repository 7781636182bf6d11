package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A submission's Idempotency-Key: a retry with the same key and body gets the first answer, however it is sent. */
@QuarkusTest
class IdempotentSubmissionTest {

    /** At most 5 submissions an hour per account (replays count): as many retries as one account may send. */
    private static final int RETRIES = 5;

    @Test
    void retryWithTheSameKeyReturnsTheFirstAnswer() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String key = UUID.randomUUID().toString();

        var first = submitWith(account, key, Api.ALL_ACKNOWLEDGED)
                .then()
                .statusCode(202)
                .extract();
        var retry = submitWith(account, key, Api.ALL_ACKNOWLEDGED)
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .extract();

        assertSameAnswer(retry, first);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(1));
    }

    @Test
    void retryAfterTheRequestMovedOnStillReturnsTheFirstAnswerNotTheCurrentStatus() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String key = UUID.randomUUID().toString();
        var first = submitWith(account, key, Api.ALL_ACKNOWLEDGED)
                .then()
                .statusCode(202)
                .extract();
        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + first.path("requestId") + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("WITHDRAWN"));

        var retry = submitWith(account, key, Api.ALL_ACKNOWLEDGED)
                .then()
                .statusCode(202)
                .extract();

        assertSameAnswer(retry, first);
        assertThat(retry.<String>path("status")).isEqualTo("SUBMITTED");
    }

    @RepeatedTest(3)
    void concurrentRetriesWithOneKeyAllGetTheFirstAnswerAndCreateOneRequest() throws Exception {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String key = UUID.randomUUID().toString();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(RETRIES);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
            for (int i = 0; i < RETRIES; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return submitWith(account, key, Api.ALL_ACKNOWLEDGED).then().extract();
                }));
            }
            start.countDown();
            for (var answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(202);
        var first = answers.stream()
                .filter(a -> a.header("Idempotent-Replayed") == null)
                .toList();
        assertThat(first).as("exactly one retry created the request").hasSize(1);
        answers.forEach(answer -> assertSameAnswer(answer, first.get(0)));
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(1));
        UUID request = UUID.fromString(first.get(0).path("requestId"));
        var published = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEAR_REQUESTED, request), r -> !r.isEmpty());
        assertThat(published).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String key = UUID.randomUUID().toString();
        submitWith(account, key, Api.ALL_ACKNOWLEDGED).then().statusCode(202);

        submitWith(
                        account,
                        key,
                        Map.of(
                                "acknowledgements",
                                List.of("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"),
                                "reason",
                                "changed my mind"))
                .then()
                .statusCode(422)
                .body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void missingIdempotencyKeyIs400() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        Api.as(account)
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(400)
                .body("type", endsWith("/idempotency-key-required"));
    }

    private static void assertSameAnswer(ExtractableResponse<Response> answer, ExtractableResponse<Response> first) {
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.<String>path("requestId")).isEqualTo(first.path("requestId"));
        assertThat(answer.<String>path("status")).isEqualTo(first.<String>path("status"));
        assertThat(answer.<String>path("expectedDecisionBy")).isEqualTo(first.<String>path("expectedDecisionBy"));
        assertThat(answer.header("Location")).isEqualTo(first.header("Location"));
    }

    private static Response submitWith(UUID account, String key, Map<String, ?> body) {
        return Api.as(account).header("Idempotency-Key", key).body(body).post("/api/v1/me/real-name/clearing");
    }
}
