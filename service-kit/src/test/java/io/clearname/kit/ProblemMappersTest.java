package io.clearname.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void beanValidationFailureIs422NamingTheFields() {
        given().contentType("application/json")
                .body("{\"phone\": \"\", \"email\": \"not-an-email\"}")
                .post("/kit-test/signup")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.is("https://clearname.io/problems/validation-failed"))
                .body("status", org.hamcrest.Matchers.is(422))
                .body("errors.field", hasItems("phone", "email"))
                .body(not(containsString("not-an-email")));
    }

    @Test
    void malformedJsonIs400WithoutEcho() {
        given().contentType("application/json")
                .body("{\"phone\": \"+861380000\", ")
                .post("/kit-test/signup")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.is("https://clearname.io/problems/malformed-request"))
                .body(not(containsString("+861380000")));
    }

    @Test
    void problemExceptionKeepsItsTypeAndStatus() {
        given().get("/kit-test/conflict")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.is("https://clearname.io/problems/conflict"))
                .body("detail", org.hamcrest.Matchers.is("A request is already active."));
    }

    @Test
    void unexpectedErrorIs500WithAnErrorIdAndNoInternals() {
        given().get("/kit-test/boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.is("https://clearname.io/problems/internal-error"))
                .body("errorId", notNullValue())
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("11010519491231002X")));
    }

    @Test
    void unknownPathIs404Problem() {
        given().get("/kit-test/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.is("https://clearname.io/problems/not-found"));
    }
}
