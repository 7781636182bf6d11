package io.clearname.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void myNotificationsShowTheCallersNoticesAndNothingOfOtherAccounts() {
        UUID me = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ClearRequested mine = Events.clearRequested(me, Events.uniqueEmail(), "en");
        ClearRequested theirs = Events.clearRequested(other, Events.uniqueEmail(), "en");
        Events.publish(mine);
        Events.publish(theirs);
        Events.publish(Events.concluded(mine, ClearingConcluded.Outcome.CLEARED));
        Events.publish(Events.concluded(theirs, ClearingConcluded.Outcome.REJECTED));

        JsonPath myLog = await().atMost(Duration.ofSeconds(30))
                .until(() -> myNotifications(me), log -> log.getList("status").equals(List.of("DELIVERED")));

        assertThat(myLog.getList("requestId")).containsExactly(mine.requestId().toString());
        Map<String, Object> notice = myLog.getMap("[0]");
        assertThat(notice)
                .containsKeys(
                        "notificationId",
                        "requestId",
                        "channel",
                        "template",
                        "status",
                        "attempts",
                        "createdAt",
                        "deliveredAt")
                .containsEntry("channel", "EMAIL")
                .containsEntry("template", "CLEARING_CLEARED")
                .containsEntry("attempts", 1);
        assertThat(notice.get("deliveredAt")).isNotNull();
        assertThat(myLog.prettify()).doesNotContain(theirs.requestId().toString(), "@example.com");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> myNotifications(other)
                        .getList("requestId")
                        .equals(List.of(theirs.requestId().toString())));
        assertThat(myNotifications(UUID.randomUUID()).getList("$")).isEmpty();
    }

    @Test
    void deliveryLogOfARequestNeedsTheSupportRole() {
        String requestId = UUID.randomUUID().toString();

        given().queryParam("requestId", requestId)
                .get("/api/v1/notifications")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", is("https://clearname.io/problems/unauthenticated"));
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "user"))
                .queryParam("requestId", requestId)
                .get("/api/v1/notifications")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", is("https://clearname.io/problems/forbidden"));
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "support"))
                .queryParam("requestId", requestId)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("size()", is(0));
    }

    @Test
    void deliveryLogWithoutAValidRequestIdIs422() {
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "support"))
                .queryParam("requestId", "not-a-uuid")
                .get("/api/v1/notifications")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", is("https://clearname.io/problems/validation-failed"))
                .body("errors[0].field", is("requestId"));
    }

    @Test
    void myNotificationsNeedAToken() {
        given().get("/api/v1/me/notifications").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private static JsonPath myNotifications(UUID account) {
        return given().auth()
                .oauth2(JwtTestResource.token(account.toString(), "user"))
                .get("/api/v1/me/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
