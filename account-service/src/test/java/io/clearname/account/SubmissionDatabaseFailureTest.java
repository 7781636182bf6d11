package io.clearname.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.clearname.local.FakePeople;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only the one-active-request rule makes a submission 409 {@code clearing-active}: any other refusal by the database is
 * an unexpected error. Each test makes PostgreSQL itself refuse the insert for its own account only, with a rule that
 * has nothing to do with active requests.
 */
@QuarkusTest
class SubmissionDatabaseFailureTest {

    @Inject
    AgroalDataSource database;

    @Test
    void anotherUniqueRuleRefusingTheInsertIs500NotClearingActive() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String withdrawn = Api.submit(account);
        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + withdrawn + "/withdrawal")
                .then()
                .statusCode(200);
        // A unique rule unrelated to active requests: this account may not send the same body twice.
        String index = "test_one_body_" + account.toString().replace("-", "");
        sql("CREATE UNIQUE INDEX " + index + " ON clearing_request (request_hash) WHERE account_id = '" + account
                + "'");
        try {
            assertUnexpectedError(account);
        } finally {
            sql("DROP INDEX " + index);
        }
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(1));
    }

    @Test
    void aDatabaseErrorOtherThanAUniqueRuleIs500NotClearingActive() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        String check = "test_refuse_" + account.toString().replace("-", "");
        // NOT VALID: checks new rows only, without scanning the table.
        sql("ALTER TABLE clearing_request ADD CONSTRAINT " + check + " CHECK (account_id <> '" + account
                + "') NOT VALID");
        try {
            assertUnexpectedError(account);
        } finally {
            sql("ALTER TABLE clearing_request DROP CONSTRAINT " + check);
        }
        Api.as(account).get("/api/v1/me/clearing-requests").then().body("size()", is(0));
    }

    private static void assertUnexpectedError(UUID account) {
        Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", endsWith("/internal-error"))
                .body("errorId", notNullValue())
                .body(not(containsString("clearing_request")))
                .body(not(containsString("Exception")));
    }

    private void sql(String statement) {
        try (var connection = database.getConnection();
                var update = connection.createStatement()) {
            update.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
