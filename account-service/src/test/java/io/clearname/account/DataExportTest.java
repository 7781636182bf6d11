package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.clearname.local.FakePeople;
import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The person downloads everything kept about the account, the real name in full, behind a recent sign-in, a few times
 * a day; each file's digest is in a header and in the list of exports.
 */
@QuarkusTest
class DataExportTest {

    @Test
    void theExportHoldsTheRealNameInFullAndItsDigestMatchesTheBytes() throws Exception {
        String name = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        String reference = "images/" + UUID.randomUUID() + "/front.jpg";
        UUID account = Api.createAccount(Map.of("walletBalanceCents", 0));
        Api.as(account)
                .body(Map.of(
                        "legalName", name,
                        "idNumber", idNumber,
                        "documents", List.of(Map.of("category", "ID_FRONT", "reference", reference))))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200);

        var response = export(account).statusCode(200).extract();

        byte[] bytes = response.asByteArray();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(bytes);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        assertThat(response.header("Content-Disposition"))
                .matches("attachment; filename=\"clearname-export-\\d{4}-\\d{2}-\\d{2}\\.json\"");
        assertThat(response.header("Cache-Control")).contains("no-store");
        String exportId = response.header("X-Export-Id");
        JsonPath file = new JsonPath(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(file.getString("format")).isEqualTo("clearname-export/1");
        assertThat(file.getString("exportId")).isEqualTo(exportId);
        assertThat(file.getString("accountId")).isEqualTo(account.toString());
        assertThat(file.getString("exportedAt")).isNotNull();
        assertThat(file.getString("account.phone")).isEqualTo("+8613800138000");
        assertThat(file.getString("account.email")).isEqualTo("person@example.com");
        assertThat(file.getString("realName.status")).isEqualTo("VERIFIED");
        assertThat(file.getString("realName.legalName")).isEqualTo(name);
        assertThat(file.getString("realName.idNumber")).isEqualTo(idNumber);
        assertThat(file.getString("documents[0].category")).isEqualTo("ID_FRONT");
        assertThat(file.getString("documents[0].storageReference")).isEqualTo(reference);
        assertThat(file.getBoolean("entitlements.vip.paid")).isFalse();
        assertThat(file.getList("requests")).isEmpty();
        assertThat(file.getMap("$")).doesNotContainKey("sha256");

        Api.as(account)
                .get("/api/v1/me/exports")
                .then()
                .statusCode(200)
                .body("size()", is(1))
                .body("[0].exportId", is(exportId))
                .body("[0].sizeBytes", is(bytes.length))
                .body("[0].sha256", is(HexFormat.of().formatHex(sha256)))
                .body("[0].exportedAt", is(file.getString("exportedAt")));
    }

    @Test
    void anExportAfterClearingHasNoRealNameAndTheRequestWithItsReceipt() {
        UUID account = ErasureReceiptTest.holder("en");
        UUID request = ErasureReceiptTest.clear(account);

        JsonPath file = new JsonPath(export(account).statusCode(200).extract().asString());

        assertThat(file.getString("realName")).isNull();
        assertThat(file.getList("documents")).isEmpty();
        assertThat(file.getString("requests[0].requestId")).isEqualTo(request.toString());
        assertThat(file.getString("requests[0].status")).isEqualTo("CLEARED");
        assertThat(file.getList("requests[0].timeline.type", String.class)).contains("SUBMITTED", "CLEARED");
        assertThat(file.getList("requests[0].receipt.category", String.class)).contains("LEGAL_NAME", "EVENT_LOG");
        assertThat(file.getList("requests[0].revocations.entitlement", String.class))
                .containsExactly("VIP", "CLOUD_STORAGE");
        assertThat(file.getLong("entitlements.cloudStorage.quotaBytes")).isZero();
    }

    @Test
    void anExportWithAStaleSignInIsRefusedAndRecordsNothing() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        given().auth()
                .oauth2(JwtTestResource.token(account.toString(), Duration.ofSeconds(301), "user"))
                .get("/api/v1/me/export")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                .body("type", endsWith("/insufficient-user-authentication"));

        Api.as(account).get("/api/v1/me/exports").then().body("size()", is(0));
        Api.as(account).get("/api/v1/me/real-name/clearing/preflight").then().body("lastExportAt", nullValue());
    }

    @Test
    void overTheDailyLimitAnExportIsRefusedWithRetryAfterAndRecordsNothing() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        for (int i = 0; i < 5; i++) {
            export(account).statusCode(200);
        }

        var refused = export(account)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("https://clearname.io/problems/export-rate-limited"))
                .extract();

        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter)
                .isBetween(
                        Duration.ofHours(23).toSeconds(), Duration.ofHours(24).toSeconds());
        assertThat(refused.<Integer>path("retryAfter")).isEqualTo((int) retryAfter);
        Api.as(account).get("/api/v1/me/exports").then().body("size()", is(5));
    }

    @Test
    void thePreflightShowsWhenTheAccountLastExportedItsData() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        Api.as(account).get("/api/v1/me/real-name/clearing/preflight").then().body("lastExportAt", nullValue());

        export(account).statusCode(200);

        String exportedAt =
                Api.as(account).get("/api/v1/me/exports").then().extract().path("[0].exportedAt");
        Api.as(account)
                .get("/api/v1/me/real-name/clearing/preflight")
                .then()
                .statusCode(200)
                .body("lastExportAt", is(exportedAt));
    }

    @Test
    void theExportIsLoggedByIdsAndSizeWithoutPersonalData() {
        String name = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        UUID account = Api.createVerifiedAccount(name, idNumber);
        var lines = new ArrayList<String>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("io.clearname.account.service.DataExports");
        logger.addHandler(capture);
        ExtractableResponse<Response> response;
        try {
            response = export(account).statusCode(200).extract();
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(lines)
                .containsExactly("export " + response.header("X-Export-Id") + " of account " + account + ": "
                        + response.asByteArray().length + " bytes");
        assertThat(String.join("\n", lines))
                .doesNotContain(name, idNumber, "+8613800138000", "13800138000", "person@example.com");
    }

    @Test
    void anotherRoleCannotExport() {
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "reviewer"))
                .get("/api/v1/me/export")
                .then()
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse export(UUID account) {
        return Api.as(account).get("/api/v1/me/export").then();
    }
}
