package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.clearname.events.ClearingApproved;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An approved request waits out its cooling-off before the erasure, and may be withdrawn meanwhile. */
@QuarkusTest
@TestProfile(CoolingOffTest.FiveSeconds.class)
class CoolingOffTest {

    public static class FiveSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clearing.cooling-off", "PT5S");
        }
    }

    @Test
    void approvedRequestIsErasedWhenItsCoolingOffEnds() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));

        EventRecords.publish(Events.approved(account, request));
        String endsAt = awaitStatus(account, request, "APPROVED").getString("coolingOffEndsAt");
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("CLEARING"));

        var cleared = awaitStatus(account, request, "CLEARED");
        assertThat(Instant.parse(cleared.getString("concludedAt"))).isAfterOrEqualTo(Instant.parse(endsAt));
        assertThat(cleared.<String>getList("timeline.type")).containsSubsequence("APPROVED", "CLEARED");
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("CLEARED"));
        assertThat(EventRecords.about(Topics.CLEARING_CONCLUDED, request)).hasSize(1);
    }

    @Test
    void approvalPublishesClearingApprovedOnceWithTheEndOfTheCoolingOff() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));

        String ceId = EventRecords.publish(Events.approved(account, request));
        EventRecords.publish(Events.approved(account, request), ceId); // redelivered
        Instant endsAt = Instant.parse(awaitStatus(account, request, "APPROVED").getString("coolingOffEndsAt"));

        var records = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_APPROVED, request), r -> !r.isEmpty());
        awaitStatus(account, request, "CLEARED");
        assertThat(EventRecords.about(Topics.CLEARING_APPROVED, request)).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.CLEARING_APPROVED, records.get(0).value()))
                .isEmpty();
        ClearingApproved approved = EventRecords.read(records.get(0), ClearingApproved.class);
        assertThat(approved.accountId()).isEqualTo(account);
        assertThat(approved.coolingOffEndsAt()).isEqualTo(endsAt);
        assertThat(approved.approvedAt()).isBefore(endsAt);
        assertThat(Duration.between(approved.approvedAt(), approved.coolingOffEndsAt()))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void withdrawalDuringCoolingOffKeepsTheRealNameForGood() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        Instant endsAt = Instant.parse(awaitStatus(account, request, "APPROVED").getString("coolingOffEndsAt"));

        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("WITHDRAWN"))
                .body("coolingOffEndsAt", notNullValue());

        // Past the end of the cooling-off the erasure still must not happen.
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(endsAt.plusSeconds(2)));
        Api.as(account).get("/api/v1/me/clearing-requests/" + request).then().body("status", is("WITHDRAWN"));
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
        var concluded = EventRecords.about(Topics.CLEARING_CONCLUDED, request);
        assertThat(concluded).hasSize(1);
        assertThat(EventJson.read(concluded.get(0).value(), ClearingConcluded.class)
                        .outcome())
                .isEqualTo(ClearingConcluded.Outcome.WITHDRAWN);
    }

    private static io.restassured.path.json.JsonPath awaitStatus(UUID account, UUID request, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Api.as(account)
                                .get("/api/v1/me/clearing-requests/" + request)
                                .then()
                                .extract()
                                .jsonPath(),
                        json -> status.equals(json.getString("status")));
    }
}
