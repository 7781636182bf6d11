package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventType;
import io.clearname.events.Reason;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A blocker that appears during the cooling-off (set through support's API) stops the due erasure: the request ends
 * REJECTED with the blocker's reason, and the real name stays.
 */
@QuarkusTest
@TestProfile(CoolingOffTest.FiveSeconds.class)
class ErasureRecheckTest {

    @Test
    void aLegalHoldPlacedDuringTheCoolingOffEndsTheRequestRejectedForGood() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = approved(account);

        support(account, Map.of("restrictions", List.of("LEGAL_HOLD")));

        JsonPath rejected = awaitConcluded(account, request);
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.<String>getList("reasons.code")).containsExactly("ACCOUNT_RESTRICTED");
        assertThat(rejected.<String>getList("reasons.finality")).containsExactly("FINAL");
        assertThat(rejected.<String>getList("timeline.type")).containsExactly("SUBMITTED", "APPROVED", "REJECTED");
        assertThat(rejected.getString("timeline[2].detail"))
                .isEqualTo("Not cleared, nothing was erased and your real name is kept: since the request was made,"
                        + " the account was placed under a legal hold.");
        assertTheRealNameStaysAndOneRejectionIsPublished(
                account, request, new Reason("ACCOUNT_RESTRICTED", Reason.Finality.FINAL));
    }

    @Test
    void aWalletBalanceThatAppearedDuringTheCoolingOffEndsTheRequestRejectedUntilItIsSpent() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = approved(account);

        support(account, Map.of("walletBalanceCents", 1250));

        JsonPath rejected = awaitConcluded(account, request);
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.<String>getList("reasons.code")).containsExactly("WALLET_BALANCE");
        assertThat(rejected.<String>getList("reasons.finality")).containsExactly("RETRY");
        assertThat(rejected.getString("timeline[2].detail")).contains("the wallet came to hold 12.50 CNY");
        assertTheRealNameStaysAndOneRejectionIsPublished(
                account, request, new Reason("WALLET_BALANCE", Reason.Finality.RETRY));
    }

    @Test
    void everyBlockerThatAppearedIsNamedInTheAccountsLanguage() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        support(account, Map.of("locale", "zh-CN"));
        UUID request = approved(account);

        support(
                account,
                Map.of(
                        "restrictions",
                        List.of("UNDER_INVESTIGATION", "LEGAL_HOLD"),
                        "outstandingCreditCents",
                        20000,
                        "vip",
                        Map.of("paid", true, "autoRenew", true)));

        JsonPath rejected = awaitConcluded(account, request);
        assertThat(rejected.<String>getList("reasons.code"))
                .containsExactly("ACCOUNT_RESTRICTED", "OUTSTANDING_CREDIT", "AUTO_RENEW_ACTIVE");
        assertThat(rejected.<String>getList("reasons.finality")).containsExactly("FINAL", "RETRY", "RETRY");
        assertThat(rejected.getString("timeline[2].detail"))
                .isEqualTo("未清除，实名信息未被删除并予以保留：自申请提交以来，账号被法律冻结；账号进入调查；产生了 200.00 元信用欠款；VIP 自动续费被开启。");
    }

    private static UUID approved(UUID account) {
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "APPROVED".equals(read(account, request).getString("status")));
        return request;
    }

    private static void support(UUID account, Map<String, Object> changes) {
        Api.asSupport()
                .body(changes)
                .patch("/api/v1/admin/accounts/" + account)
                .then()
                .statusCode(200);
    }

    private static JsonPath awaitConcluded(UUID account, UUID request) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> read(account, request), json -> json.getString("concludedAt") != null);
    }

    private static JsonPath read(UUID account, UUID request) {
        return Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void assertTheRealNameStaysAndOneRejectionIsPublished(UUID account, UUID request, Reason reason) {
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
        var records = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.CLEARING_CONCLUDED, records.get(0).value()))
                .isEmpty();
        ClearingConcluded concluded = EventRecords.read(records.get(0), ClearingConcluded.class);
        assertThat(concluded.outcome()).isEqualTo(ClearingConcluded.Outcome.REJECTED);
        assertThat(concluded.reasons()).containsExactly(reason);
        assertThat(concluded.revokedEntitlements()).isEmpty();
    }
}
