package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Support brings accounts over from an identity platform with what they hold, and changes them. */
@QuarkusTest
class AccountImportTest {

    @Test
    void importedAccountCarriesItsVerifiedRealNameAndHoldings() {
        String idNumber = FakePeople.idNumber();
        Instant verifiedAt = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        Instant securityChange = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        UUID account = Api.createAccount(Map.of(
                "realName",
                        Map.of(
                                "legalName",
                                FakePeople.legalName(),
                                "idNumber",
                                idNumber,
                                "verifiedAt",
                                verifiedAt.toString()),
                "cloudStorage", Map.of("quotaBytes", 1000, "usedBytes", 10),
                "restrictions", java.util.List.of("LEGAL_HOLD"),
                "lastSecurityChangeAt", securityChange.toString()));

        Api.asSupport()
                .get("/api/v1/admin/accounts/" + account)
                .then()
                .statusCode(200)
                .body("realName.status", is("VERIFIED"))
                .body("realName.maskedIdNumber", is(idNumber.substring(0, 3) + "***********" + idNumber.substring(14)))
                .body("cloudStorage.quotaBytes", is(1000))
                .body("restrictions", contains("LEGAL_HOLD"))
                .body(not(containsString(idNumber)));
        Api.as(account).get("/api/v1/me/real-name").then().body("verifiedAt", is(verifiedAt.toString()));

        // The imported hold blocks a clearing until support lifts it.
        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .body("blockers.code", contains("LEGAL_HOLD"));
        Api.asSupport()
                .body(Map.of("restrictions", java.util.List.of()))
                .patch("/api/v1/admin/accounts/" + account)
                .then()
                .statusCode(200)
                .body("restrictions", empty());

        UUID request = UUID.fromString(Api.submit(account));
        var published = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEAR_REQUESTED, request), r -> !r.isEmpty());
        var snapshot =
                EventJson.read(published.get(0).value(), ClearRequested.class).auditSnapshot();
        assertThat(snapshot.restrictions()).isEmpty();
        assertThat(snapshot.lastSecurityChangeAt()).isEqualTo(securityChange);
        assertThat(snapshot.realNameVerifiedAt()).isEqualTo(verifiedAt);
    }

    @Test
    void importedRealNameIsValidatedLikeAUsersAndNothingIsCreated() {
        Api.asSupport()
                .body(Map.of(
                        "phone",
                        "+8613800138000",
                        "email",
                        "person@example.com",
                        "realName",
                        Map.of("legalName", "李四", "idNumber", "110105194912310021"),
                        "walletBalanceCents",
                        -5))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(422)
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItem("realName.idNumber"))
                .body("errors.field", hasItem("walletBalanceCents"));
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        UUID account = Api.createAccount(
                Map.of("walletBalanceCents", 500, "cloudStorage", Map.of("quotaBytes", 1000, "usedBytes", 10)));

        Api.asSupport()
                .body(Map.of("walletBalanceCents", 0, "email", "new@example.com"))
                .patch("/api/v1/admin/accounts/" + account)
                .then()
                .statusCode(200)
                .body("walletBalanceCents", is(0))
                .body("email", is("new@example.com"))
                .body("phone", is("+8613800138000"))
                .body("cloudStorage.quotaBytes", is(1000));
    }

    @Test
    void realNameCannotBeReplacedWhileAClearingIsActive() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        Api.submit(account);

        Api.asSupport()
                .body(Map.of(
                        "realName", Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber())))
                .patch("/api/v1/admin/accounts/" + account)
                .then()
                .statusCode(409)
                .body("type", endsWith("/clearing-active"));
    }

    @Test
    void clearingRevokesVipAndCloudStorage() {
        UUID account = Api.createAccount(Map.of(
                "realName", Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber()),
                "vip",
                        Map.of(
                                "paid",
                                true,
                                "expiresAt",
                                Instant.now().plus(Duration.ofDays(30)).toString(),
                                "autoRenew",
                                false),
                "cloudStorage", Map.of("quotaBytes", 1000, "usedBytes", 10)));
        UUID request = UUID.fromString(Api.submit(account));

        EventRecords.publish(Events.approved(account, request));

        var concluded = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        assertThat(EventJson.read(concluded.get(0).value(), ClearingConcluded.class)
                        .revokedEntitlements())
                .containsExactly("VIP", "CLOUD_STORAGE");
        Api.asSupport()
                .get("/api/v1/admin/accounts/" + account)
                .then()
                .body("vip.paid", is(false))
                .body("vip.autoRenew", is(false))
                .body("cloudStorage.quotaBytes", is(0))
                .body("realName.status", is("CLEARED"));
    }
}
