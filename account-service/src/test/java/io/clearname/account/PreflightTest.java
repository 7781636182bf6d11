package io.clearname.account;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.clearname.local.FakePeople;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PreflightTest {

    private static Map<String, Object> verified() {
        return Map.of("realName", Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber()));
    }

    @Test
    void verifiedAccountWithoutObligationsIsEligibleAndToldWhatItLoses() {
        UUID account = Api.createAccount(verified());

        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .statusCode(200)
                .body("eligible", is(true))
                .body("blockers", empty())
                .body("consequences.code", hasItem("REAL_NAME_SERVICES"))
                .body("backupReminder", containsString("Back up"))
                .body("notifyAt.phone", is("+86 138****8000"))
                .body("notifyAt.email", is("p***@example.com"))
                .body(
                        "requiredAcknowledgements",
                        containsInAnyOrder("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"))
                .body("expectedDecisionBy", notNullValue());
    }

    @ParameterizedTest
    @CsvSource({
        "walletBalanceCents, 1250, WALLET_BALANCE",
        "outstandingCreditCents, 99, OUTSTANDING_CREDIT",
    })
    void anObligationBlocksPreflightAndSubmission(String field, long cents, String code) {
        var holdings = new java.util.HashMap<String, Object>(verified());
        holdings.put(field, cents);
        UUID account = Api.createAccount(holdings);

        assertBlockedBy(account, code);
    }

    @ParameterizedTest
    @CsvSource({"LEGAL_HOLD", "UNDER_INVESTIGATION"})
    void aHoldOrAnInvestigationBlocksPreflightAndSubmissionAndPointsToCustomerService(String restriction) {
        var holdings = new java.util.HashMap<String, Object>(verified());
        holdings.put("restrictions", java.util.List.of(restriction));
        UUID account = Api.createAccount(holdings);

        assertBlockedBy(account, restriction);
        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body(
                        "blockers.find { it.code == '" + restriction + "' }.resolution",
                        containsString("Contact customer service"));
    }

    @Test
    void aWalletBalanceIsShownInYuan() {
        var holdings = new java.util.HashMap<String, Object>(verified());
        holdings.put("walletBalanceCents", 1250);
        UUID account = Api.createAccount(holdings);

        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body("blockers.find { it.code == 'WALLET_BALANCE' }.message", is("The wallet holds 12.50 CNY."));
    }

    @Test
    void vipAutoRenewalBlocks() {
        var holdings = new java.util.HashMap<String, Object>(verified());
        holdings.put(
                "vip",
                Map.of(
                        "paid",
                        true,
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(30)).toString(),
                        "autoRenew",
                        true));
        UUID account = Api.createAccount(holdings);

        assertBlockedBy(account, "AUTO_RENEW_ACTIVE");
    }

    @Test
    void unverifiedAccountIsBlocked() {
        UUID account = Api.createAccount();

        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body("eligible", is(false))
                .body("blockers.code", hasItem("NOT_VERIFIED"));
    }

    @Test
    void anActiveRequestBlocksAnother() {
        UUID account = Api.createAccount(verified());
        Api.submit(account);

        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body("eligible", is(false))
                .body("blockers.code", hasItem("ACTIVE_REQUEST"));
    }

    @Test
    void consequencesDetailTheVipDaysAndCloudBytesLost() {
        var holdings = new java.util.HashMap<String, Object>(verified());
        holdings.put(
                "vip",
                Map.of(
                        "paid",
                        true,
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(10).plusHours(1)).toString(),
                        "autoRenew",
                        false));
        holdings.put("cloudStorage", Map.of("quotaBytes", 53_687_091_200L, "usedBytes", 13_421_772_800L));
        UUID account = Api.createAccount(holdings);

        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body("eligible", is(true))
                .body(
                        "consequences.find { it.code == 'VIP_LOST' }.detail",
                        is("VIP membership ends at once: 10 paid days are lost."))
                .body(
                        "consequences.find { it.code == 'CLOUD_STORAGE_UNCOVERED' }.detail",
                        is("12.5 GB in cloud storage will no longer be covered by the 50 GB plan."));
    }

    private static void assertBlockedBy(UUID account, String code) {
        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body("eligible", is(false))
                .body("blockers.code", hasItem(code))
                .body("blockers.find { it.code == '" + code + "' }.resolution", notNullValue());
        Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/clearing-blocked"))
                .body("blockers.code", hasItem(code));
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(0));
    }
}
