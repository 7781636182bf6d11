package io.clearname.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RealNameTest {

    @Test
    void boundRealNameIsShownMaskedOnly() {
        UUID account = Api.createAccount();

        Api.as(account)
                .body(Map.of("legalName", "张三丰", "idNumber", "11010519491231002x"))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200)
                .body("status", is("VERIFIED"))
                .body("maskedName", is("张*"))
                .body("maskedIdNumber", is("110***********002X"))
                .body(not(containsString("张三丰")));

        Api.as(account).get("/api/v1/me/real-name").then().statusCode(200).body("maskedName", is("张*"));
    }

    @Test
    void accountWithoutRealNameIsUnverified() {
        UUID account = Api.createAccount();

        Api.as(account)
                .get("/api/v1/me/real-name")
                .then()
                .statusCode(200)
                .body("status", is("UNVERIFIED"))
                .body("maskedName", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105194912310021", // wrong check digit
                "110105194902300028", // 30 February
                "110105299912310023", // born in the future
                "11010519491231002", // 17 characters
                "1101051949123100211", // 19 characters
                "11010519491231002Y" // not a digit or X
            })
    void invalidIdNumbersAreRefusedWith422NamingTheFieldAndNotEchoingIt(String idNumber) {
        UUID account = Api.createAccount();

        Api.as(account)
                .body(Map.of("legalName", "李四", "idNumber", idNumber))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItem("idNumber"))
                .body(not(containsString(idNumber)));
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("UNVERIFIED"));
    }
}
