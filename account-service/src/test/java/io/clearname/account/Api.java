package io.clearname.account;

import static io.restassured.RestAssured.given;

import io.clearname.local.testing.JwtTestResource;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Calls the API the way clients do: support creates an account, the person acts with their own token. */
final class Api {
    private Api() {}

    static RequestSpecification asSupport() {
        return given().auth()
                .oauth2(JwtTestResource.token("support-agent", "support"))
                .contentType("application/json");
    }

    static RequestSpecification as(UUID account) {
        return given().auth()
                .oauth2(JwtTestResource.token(account.toString(), "user"))
                .contentType("application/json");
    }

    static UUID createAccount() {
        return createAccount(Map.of());
    }

    /** An account with the usual contact points plus {@code holdings} (realName, vip, walletBalanceCents, ...). */
    static UUID createAccount(Map<String, ?> holdings) {
        var body = new java.util.HashMap<String, Object>(
                Map.of("phone", "+8613800138000", "email", "person@example.com", "locale", "en"));
        body.putAll(holdings);
        String id = asSupport()
                .body(body)
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    static UUID createVerifiedAccount(String legalName, String idNumber) {
        UUID account = createAccount();
        as(account)
                .body(Map.of("legalName", legalName, "idNumber", idNumber))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200);
        return account;
    }

    static final Map<String, Object> ALL_ACKNOWLEDGED =
            Map.of("acknowledgements", java.util.List.of("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"));

    static String submit(UUID account) {
        return as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(202)
                .extract()
                .path("requestId");
    }
}
