package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.clearname.local.FakePeople;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    @Test
    void submissionsAndOutcomesAreCountedWithTheirDuration() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(containsString("clearname_clearing_submitted_total"))
                        .body(containsString("clearname_clearing_concluded_seconds_count"))
                        .body(containsString("outcome=\"WITHDRAWN\""))
                        .body(containsString("clearname_outbox_published_total")));
    }
}
