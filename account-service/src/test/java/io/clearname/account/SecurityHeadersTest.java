package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API answers, errors included, tell browsers and caches not to keep, sniff or frame them. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void successfulAnswersCarryTheSecurityHeaders() {
        Api.as(Api.createAccount())
                .get("/api/v1/me/real-name")
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("X-Frame-Options", is("DENY"))
                .header("Content-Security-Policy", is("default-src 'none'; frame-ancestors 'none'"))
                .header("Referrer-Policy", is("no-referrer"));
    }

    @Test
    void problemAnswersCarryTheSecurityHeadersToo() {
        given().get("/api/v1/me/clearing-requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("Cache-Control", is("no-store"))
                .header("X-Content-Type-Options", is("nosniff"));
    }
}
