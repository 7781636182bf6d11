package io.clearname.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retries run with the test profile's settings: 3 attempts, 100 ms then 200 ms apart (application.properties). */
@QuarkusTest
class RetryTest {

    @Test
    void failingSendIsRetriedWithBackoffThenGivenUpAsFailed() {
        UUID account = UUID.randomUUID();
        // Refused by the mailer on every attempt.
        ClearRequested requested = Events.clearRequested(account, "not-an-address", "en");

        Events.publish(requested);
        String concludedId = Events.publish(Events.concluded(requested, ClearingConcluded.Outcome.CLEARED));

        UserNotified notice = await().atMost(Duration.ofSeconds(30))
                .until(() -> Events.userNotified(requested.requestId()), n -> !n.isEmpty())
                .get(0);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.FAILED);
        assertThat(notice.attempts()).isEqualTo(3);
        assertThat(notice.triggerEventId()).isEqualTo(concludedId);

        JsonPath log = given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "support"))
                .queryParam("requestId", requested.requestId().toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(log.getList("status")).containsExactly("FAILED");
        assertThat(log.getInt("[0].attempts")).isEqualTo(3);
        assertThat(log.getString("[0].lastError")).isNotBlank().doesNotContain("not-an-address");
        assertThat(log.getString("[0].deliveredAt")).isNull();
        Instant created = Instant.parse(log.getString("[0].createdAt"));
        assertThat(Duration.between(created, notice.notifiedAt()))
                .as("two waits between three attempts")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
