package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.Reason;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Without a cooling-off (the test profile's PT0S) an approval erases at once: nothing announces an approval the person
 * cannot act on, and the erasure re-checks the blockers as a due one does.
 */
@QuarkusTest
class ImmediateErasureTest {

    @Test
    void anApprovalWithoutCoolingOffClearsAtOnceAndPublishesNoClearingApproved() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));

        EventRecords.publish(Events.approved(account, request));

        assertThat(awaitConcluded(account, request).getString("status")).isEqualTo("CLEARED");
        // ClearingApproved would have been written in the same transaction as ClearingConcluded, and before it.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        assertThat(EventRecords.about(Topics.CLEARING_APPROVED, request)).isEmpty();
    }

    @Test
    void anInvestigationOpenedDuringTheAuditStopsTheErasureAtApproval() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        Api.asSupport()
                .body(Map.of("restrictions", List.of("UNDER_INVESTIGATION")))
                .patch("/api/v1/admin/accounts/" + account)
                .then()
                .statusCode(200);

        EventRecords.publish(Events.approved(account, request));

        JsonPath rejected = awaitConcluded(account, request);
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.<String>getList("reasons.code")).containsExactly("ACCOUNT_RESTRICTED");
        assertThat(rejected.<String>getList("timeline.type")).containsExactly("SUBMITTED", "APPROVED", "REJECTED");
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
        var concluded = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.published(ClearingConcluded.class, request), r -> !r.isEmpty());
        assertThat(concluded).hasSize(1);
        assertThat(concluded.get(0).outcome()).isEqualTo(ClearingConcluded.Outcome.REJECTED);
        assertThat(concluded.get(0).reasons()).containsExactly(new Reason("ACCOUNT_RESTRICTED", Reason.Finality.FINAL));
        assertThat(EventRecords.about(Topics.CLEARING_APPROVED, request)).isEmpty();
    }

    private static JsonPath awaitConcluded(UUID account, UUID request) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Api.as(account)
                                .get("/api/v1/me/clearing-requests/" + request)
                                .then()
                                .extract()
                                .jsonPath(),
                        json -> json.getString("concludedAt") != null);
    }
}
