package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cleared request's receipt names every category of data across the suite, where it is and how long what is kept
 * stays; it says the data key is destroyed only once it is.
 */
@QuarkusTest
class ErasureReceiptTest {

    private static final Instant PAID_UNTIL =
            Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aClearedRequestsReceiptNamesEveryCategoryWithItsOutcomeAndWhereItIs() {
        UUID account = holder("en");
        UUID request = clear(account);

        JsonPath view = awaitDataKeyDestroyed(account, request);

        assertThat(view.getList("erasureReceipt.category", String.class))
                .containsExactly(
                        "LEGAL_NAME",
                        "ID_NUMBER",
                        "DATA_KEY",
                        "ID_DOCUMENT_REFERENCES",
                        "ID_DOCUMENT_IMAGES",
                        "VIP",
                        "CLOUD_STORAGE",
                        "ID_FINGERPRINT",
                        "CONTACT_SNAPSHOT",
                        "COMPLAINT_TEXTS",
                        "EVENT_LOG",
                        "CLEARING_RECORD",
                        "CONTACT_POINTS");
        assertLine(view, "LEGAL_NAME", "REMOVED", "account-service");
        assertLine(view, "ID_NUMBER", "REMOVED", "account-service");
        assertLine(view, "ID_DOCUMENT_REFERENCES", "REMOVED", "account-service");
        assertLine(view, "ID_DOCUMENT_IMAGES", "SCHEDULED", "image-store");
        assertLine(view, "VIP", "REVOKED", "account-service");
        assertLine(view, "CLOUD_STORAGE", "REVOKED", "account-service");
        assertLine(view, "ID_FINGERPRINT", "RETAINED", "verification-service");
        assertLine(view, "CONTACT_SNAPSHOT", "RETAINED", "notification-service");
        assertLine(view, "COMPLAINT_TEXTS", "RETAINED", "verification-service");
        assertLine(view, "EVENT_LOG", "RETAINED", "event-log");
        assertLine(view, "CLEARING_RECORD", "RETAINED", "account-service");
        assertLine(view, "CONTACT_POINTS", "RETAINED", "account-service");
        assertThat(line(view, "ID_DOCUMENT_REFERENCES").get("detail"))
                .asString()
                .startsWith("2 reference");
        assertThat(line(view, "ID_DOCUMENT_IMAGES").get("detail"))
                .asString()
                .contains("image store", "IdDocumentsReleased");
        assertThat(line(view, "VIP").get("detail")).asString().contains("10 paid day(s) lost", "EntitlementsRevoked");
        assertThat(line(view, "CLOUD_STORAGE").get("detail")).asString().contains("53,687,091,200", "3,221,225,472");
    }

    @Test
    void retainedLinesSayForHowLongAndUntilWhen() {
        UUID account = holder("en");
        UUID request = clear(account);

        JsonPath view = awaitDataKeyDestroyed(account, request);

        Instant concludedAt = Instant.parse(view.getString("concludedAt"));
        Instant submittedAt = Instant.parse(view.getString("submittedAt"));
        assertThat(line(view, "ID_FINGERPRINT")).containsEntry("retainedFor", "P365D");
        assertThat(Instant.parse((String) line(view, "ID_FINGERPRINT").get("until")))
                .isEqualTo(concludedAt.plus(Duration.ofDays(365)));
        assertThat(line(view, "CONTACT_SNAPSHOT")).containsEntry("retainedFor", "P30D");
        assertThat(Instant.parse((String) line(view, "CONTACT_SNAPSHOT").get("until")))
                .isEqualTo(concludedAt.plus(Duration.ofDays(30)));
        assertThat(line(view, "COMPLAINT_TEXTS"))
                .containsEntry("retainedFor", "P365D")
                .containsEntry("until", null);
        assertThat(line(view, "EVENT_LOG")).containsEntry("retainedFor", "P7D");
        assertThat(Instant.parse((String) line(view, "EVENT_LOG").get("until")))
                .isEqualTo(submittedAt.plus(Duration.ofDays(7)));
        assertThat(line(view, "CLEARING_RECORD"))
                .containsEntry("retainedFor", null)
                .containsEntry("until", null);
    }

    @Test
    void theDataKeyLineTurnsRemovedWithDoneAtOnceTheShredderDestroyedTheKey() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = clear(account);

        JsonPath view = awaitDataKeyDestroyed(account, request);

        var dataKey = line(view, "DATA_KEY");
        assertThat(dataKey).containsEntry("outcome", "REMOVED").containsEntry("service", "account-service");
        Instant doneAt = Instant.parse((String) dataKey.get("doneAt"));
        assertThat(doneAt).isAfterOrEqualTo(Instant.parse(view.getString("concludedAt")));
        assertThat(dataKey.get("detail")).asString().contains("was destroyed at");
    }

    @Test
    void theRequestShowsWhatEachRevokedRightWas() {
        UUID account = holder("en");
        UUID request = clear(account);

        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body("revocations.entitlement", is(List.of("VIP", "CLOUD_STORAGE")))
                .body("revocations[0].paidUntil", is(PAID_UNTIL.toString()))
                .body("revocations[0].autoRenewCancelled", is(false))
                .body("revocations[1].paidUntil", nullValue())
                .body("revocations[1].quotaBytes", is(53_687_091_200L))
                .body("revocations[1].usedBytes", is(3_221_225_472L))
                .body("revocations[1].revokedAt", notNullValue());
        Api.asSupport()
                .get("/api/v1/admin/accounts/" + account)
                .then()
                .body("vip.paid", is(false))
                .body("cloudStorage.quotaBytes", is(0));
    }

    @Test
    void theTimelineSaysExactlyWhatTheErasureDid() {
        UUID account = holder("en");
        UUID request = clear(account);

        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body(
                        "timeline.find { it.type == 'CLEARED' }.detail",
                        is("Real-name data erased: legal name and ID number deleted (1 record), their data key queued"
                                + " for destruction; 2 ID document reference(s) deleted and the images' deletion"
                                + " requested from the image store; revoked: VIP membership, cloud storage plan."))
                .body("timeline.find { it.type == 'CLEARED' }.detail", not(containsString("destroyed")));
    }

    @Test
    void aChineseAccountReadsItsReceiptAndTimelineInChinese() {
        UUID account = holder("zh-CN");
        UUID request = clear(account);

        JsonPath view = awaitDataKeyDestroyed(account, request);

        assertThat(line(view, "LEGAL_NAME").get("detail")).asString().startsWith("已删除加密存储的姓名");
        assertThat(line(view, "DATA_KEY").get("detail")).asString().contains("已于", "销毁");
        assertThat(view.getString("timeline.find { it.type == 'CLEARED' }.detail"))
                .startsWith("实名信息已清除")
                .contains("VIP 会员、云空间套餐");
    }

    @Test
    void onlyAClearedRequestHasAReceiptAndRevocations() {
        UUID account = holder("en");
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.rejected(account, request));
        awaitStatus(account, request, "REJECTED");

        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body("erasureReceipt.size()", is(0))
                .body("revocations.size()", is(0));
        Api.as(account)
                .get("/api/v1/me/clearing-requests")
                .then()
                .body("[0].erasureReceipt.size()", is(0))
                .body("[0].revocations.size()", is(0))
                .body("[0].timeline.type", hasItems("SUBMITTED", "REJECTED"));
    }

    /** A verified account with two ID documents, a paid VIP membership and a cloud storage plan. */
    static UUID holder(String locale) {
        UUID account = Api.createAccount(Map.of(
                "locale", locale,
                "vip", Map.of("paid", true, "expiresAt", PAID_UNTIL.toString(), "autoRenew", false),
                "cloudStorage", Map.of("quotaBytes", 53_687_091_200L, "usedBytes", 3_221_225_472L)));
        Api.as(account)
                .body(Map.of(
                        "legalName",
                        FakePeople.legalName(),
                        "idNumber",
                        FakePeople.idNumber(),
                        "documents",
                        List.of(
                                Map.of("category", "ID_FRONT", "reference", "images/" + UUID.randomUUID() + "/f.jpg"),
                                Map.of("category", "ID_BACK", "reference", "images/" + UUID.randomUUID() + "/b.jpg"))))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200);
        return account;
    }

    /** Submits and approves a clearing (the test profile has no cooling-off) and waits until it is CLEARED. */
    static UUID clear(UUID account) {
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        awaitStatus(account, request, "CLEARED");
        return request;
    }

    static void awaitStatus(UUID account, UUID request, String status) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> status.equals(Api.as(account)
                        .get("/api/v1/me/clearing-requests/" + request)
                        .then()
                        .extract()
                        .path("status")));
    }

    private static JsonPath awaitDataKeyDestroyed(UUID account, UUID request) {
        return await("the key shredder marks the data key destroyed")
                .atMost(Duration.ofSeconds(15))
                .until(
                        () -> Api.as(account)
                                .get("/api/v1/me/clearing-requests/" + request)
                                .then()
                                .extract()
                                .jsonPath(),
                        view -> "REMOVED"
                                .equals(view.getString("erasureReceipt.find { it.category == 'DATA_KEY' }.outcome")));
    }

    private static Map<String, Object> line(JsonPath view, String category) {
        return view.getMap("erasureReceipt.find { it.category == '" + category + "' }");
    }

    private static void assertLine(JsonPath view, String category, String outcome, String service) {
        assertThat(line(view, category))
                .as(category)
                .containsEntry("outcome", outcome)
                .containsEntry("service", service);
    }
}
