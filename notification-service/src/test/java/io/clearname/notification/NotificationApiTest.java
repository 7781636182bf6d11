package io.clearname.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.kit.pii.PiiMasking;
import io.clearname.local.testing.EventRecords;
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
    void myNotificationsShowTheCallersNoticesOnBothChannelsAndNothingOfOtherAccounts() {
        UUID me = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ClearRequested mine = Events.clearRequested(me, Events.uniqueEmail(), "zh-CN");
        ClearRequested theirs = Events.clearRequested(other, Events.uniqueEmail(), "en");
        EventRecords.publish(mine);
        EventRecords.publish(theirs);
        EventRecords.publish(Events.concluded(mine, ClearingConcluded.Outcome.CLEARED));
        EventRecords.publish(Events.concluded(theirs, ClearingConcluded.Outcome.REJECTED));

        JsonPath myLog = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> myNotifications(me),
                        log -> log.getList("status")
                                .equals(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED")));

        assertThat(myLog.getList("requestId")).containsOnly(mine.requestId().toString());
        assertThat(myLog.getList("template")).containsOnly("RECEIPT", "CLEARED");
        assertThat(myLog.getList("channel")).containsOnly("SMS", "EMAIL");
        Map<String, Object> sms = myLog.getMap("find { it.channel == 'SMS' && it.template == 'CLEARED' }");
        assertThat(sms)
                .containsKeys(
                        "notificationId",
                        "requestId",
                        "channel",
                        "template",
                        "locale",
                        "status",
                        "attempts",
                        "segments",
                        "destination",
                        "lastError",
                        "createdAt",
                        "lastAttemptAt",
                        "deliveredAt",
                        "failedAt")
                .containsEntry("locale", "zh-CN")
                .containsEntry("attempts", 1)
                .containsEntry("segments", 1)
                .containsEntry(
                        "destination", PiiMasking.maskPhone(mine.contact().phone()));
        assertThat(sms.get("deliveredAt")).isNotNull();
        assertThat(sms.get("failedAt")).isNull();
        assertThat(myLog.getString("find { it.channel == 'EMAIL' }.destination"))
                .isEqualTo(PiiMasking.maskEmail(mine.contact().email()));
        assertThat(myLog.prettify())
                .doesNotContain(
                        theirs.requestId().toString(),
                        mine.contact().email(),
                        mine.contact().phone())
                .doesNotContain("triggerEventId", "accountId", "attemptLog");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> myNotifications(other).getList("requestId").size() == 4);
        assertThat(myNotifications(other).getList("requestId"))
                .containsOnly(theirs.requestId().toString());
        assertThat(myNotifications(UUID.randomUUID()).getList("$")).isEmpty();
    }

    @Test
    void supportSeesEveryNoticeOfARequestWithItsAttempts() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        String requestedId = EventRecords.publish(requested);
        Events.awaitBothChannels(requested.requestId(), requestedId);

        JsonPath log = Outboxes.deliveryLog(requested.requestId());

        assertThat(log.getList("channel")).containsExactlyInAnyOrder("SMS", "EMAIL");
        assertThat(log.getList("triggerEventId")).containsOnly(requestedId);
        assertThat(log.getList("accountId")).containsOnly(requested.accountId().toString());
        assertThat(log.getList("attemptLog.outcome")).containsOnly(List.of("DELIVERED"));
        assertThat(log.getString("find { it.channel == 'SMS' }.providerMessageId"))
                .startsWith("sms-");
        assertThat(log.getInt("find { it.channel == 'SMS' }.segments")).isBetween(1, 2);
        assertThat(log.getString("find { it.channel == 'EMAIL' }.segments")).isNull();
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
    void deliveryLogWithoutARequestIdIs422() {
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "support"))
                .get("/api/v1/notifications")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", is("requestId"));
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
