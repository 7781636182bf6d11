package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminAccountTest {

    private static final Map<String, String> ACCOUNT =
            Map.of("phone", "+8613800138000", "email", "person@example.com", "locale", "zh-CN");

    @Test
    void supportCreatesAnAccountAndGetsItsLocation() {
        String id = Api.asSupport()
                .body(ACCOUNT)
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(201)
                .body("phone", is("+8613800138000"))
                .body("locale", is("zh-CN"))
                .extract()
                .path("id");

        Api.asSupport()
                .get("/api/v1/admin/accounts/" + id)
                .then()
                .statusCode(200)
                .body("email", is("person@example.com"));
        Api.asSupport()
                .body(ACCOUNT)
                .post("/api/v1/admin/accounts")
                .then()
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/admin/accounts/"));
    }

    @Test
    void invalidContactPointsAreRefusedNamingTheFields() {
        Api.asSupport()
                .body(Map.of("phone", "12345", "email", "nope", "locale", "fr"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("locale"));
    }

    @Test
    void creationRequiresContactPointsThatAnUpdateMayLeaveOut() {
        Api.asSupport()
                .body(Map.of("locale", "en"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("email"));
        String id = Api.asSupport()
                .body(ACCOUNT)
                .post("/api/v1/admin/accounts")
                .then()
                .extract()
                .path("id");

        Api.asSupport()
                .body(Map.of("locale", "en"))
                .patch("/api/v1/admin/accounts/" + id)
                .then()
                .statusCode(200)
                .body("phone", is("+8613800138000"))
                .body("locale", is("en"));
    }

    @Test
    void onlySupportCreatesAccounts() {
        given().contentType("application/json")
                .body(ACCOUNT)
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "user"))
                .contentType("application/json")
                .body(ACCOUNT)
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
