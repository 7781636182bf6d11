package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClearingLifecycleTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void approvalErasesTheRealNameClearsTheRequestAndConcludesOnce() throws SQLException {
        String name = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        UUID account = Api.createVerifiedAccount(name, idNumber);
        UUID request = UUID.fromString(Api.submit(account));
        assertThat(rowsMentioning(idNumber)).as("encrypted at rest").isZero();
        assertThat(realNameRows(account)).isOne();

        EventRecords.publish(Events.approved(account, request));

        awaitStatus(account, request, "CLEARED");
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("CLEARED"));
        assertThat(realNameRows(account)).isZero();
        assertThat(rowsMentioning(idNumber)).isZero();
        assertThat(rowsMentioning(name)).isZero();
        var concluded = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        assertThat(concluded).hasSize(1);
        assertThat(EventJson.read(concluded.get(0).value(), ClearingConcluded.class)
                        .outcome())
                .isEqualTo(ClearingConcluded.Outcome.CLEARED);
    }

    @Test
    void erasureRemovesDocumentImageReferencesAndShowsAReceipt() throws SQLException {
        UUID account = Api.createAccount();
        String front = "images/" + UUID.randomUUID() + "/front.jpg";
        String back = "images/" + UUID.randomUUID() + "/back.jpg";
        Api.as(account)
                .body(java.util.Map.of(
                        "legalName", FakePeople.legalName(),
                        "idNumber", FakePeople.idNumber(),
                        "documents",
                                List.of(
                                        java.util.Map.of("category", "ID_FRONT", "reference", front),
                                        java.util.Map.of("category", "ID_BACK", "reference", back))))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200)
                .body("documents", hasItems("ID_FRONT", "ID_BACK"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(front)));
        UUID request = UUID.fromString(Api.submit(account));
        assertThat(rows("id_document", account)).isEqualTo(2);
        assertThat(rowsMentioning(front)).as("encrypted at rest").isZero();

        EventRecords.publish(Events.approved(account, request));

        awaitStatus(account, request, "CLEARED");
        assertThat(rows("id_document", account)).isZero();
        assertThat(rowsMentioning(front)).isZero();
        assertThat(rowsMentioning(back)).isZero();
        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body("erasureReceipt.find { it.category == 'LEGAL_NAME' }.outcome", is("REMOVED"))
                .body("erasureReceipt.find { it.category == 'ID_NUMBER' }.outcome", is("REMOVED"))
                .body(
                        "erasureReceipt.find { it.category == 'ID_DOCUMENT_REFERENCES' }.detail",
                        org.hamcrest.Matchers.startsWith("2 reference"))
                .body("erasureReceipt.find { it.category == 'ID_DOCUMENT_IMAGES' }.outcome", is("SCHEDULED"))
                .body("erasureReceipt.find { it.category == 'CLEARING_RECORD' }.outcome", is("RETAINED"));
    }

    @Test
    void duplicateAndLateAuditEventsChangeNothing() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        String eventId = EventRecords.publish(Events.approved(account, request));
        awaitStatus(account, request, "CLEARED");

        EventRecords.publish(Events.approved(account, request), eventId); // redelivery, same ce_id
        EventRecords.publish(Events.rejected(account, request)); // late, contradicting decision
        EventRecords.publish(Events.notified(account, request)); // marker after both, same key and ordering
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.as(account)
                        .get("/api/v1/me/clearing-requests/" + request)
                        .then()
                        .extract()
                        .<List<String>>path("timeline.type")
                        .contains("USER_NOTIFIED"));

        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body("status", is("CLEARED"))
                .body("timeline.type", hasItems("SUBMITTED", "APPROVED", "CLEARED", "USER_NOTIFIED"))
                .body("timeline.findAll { it.type == 'CLEARED' }.size()", is(1))
                .body("timeline.findAll { it.type == 'REJECTED' }.size()", is(0));
        assertThat(EventRecords.about(Topics.CLEARING_CONCLUDED, request)).hasSize(1);
    }

    @Test
    void rejectionKeepsTheRealNameAndConcludesRejected() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));

        EventRecords.publish(Events.rejected(account, request));

        awaitStatus(account, request, "REJECTED");
        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body("reasons[0].code", is("ACCOUNT_RESTRICTED"))
                .body("reasons[0].finality", is("FINAL"))
                .body("decisionMessage", is("The account is under a legal hold."));
        Api.as(account).get("/api/v1/me/real-name").then().body("status", is("VERIFIED"));
        var concluded = await().atMost(Duration.ofSeconds(10))
                .until(() -> EventRecords.about(Topics.CLEARING_CONCLUDED, request), r -> !r.isEmpty());
        var event = EventJson.read(concluded.get(0).value(), ClearingConcluded.class);
        assertThat(event.outcome()).isEqualTo(ClearingConcluded.Outcome.REJECTED);
        assertThat(event.reasons()).extracting(r -> r.code()).containsExactly("ACCOUNT_RESTRICTED");
    }

    @Test
    void listsEveryRequestNewestFirstWithItsOwnTimelineAndReceipt() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID rejected = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.rejected(account, rejected));
        awaitStatus(account, rejected, "REJECTED");
        UUID cleared = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, cleared));
        awaitStatus(account, cleared, "CLEARED");

        Api.as(account)
                .get("/api/v1/me/clearing-requests")
                .then()
                .statusCode(200)
                .body("requestId", is(List.of(cleared.toString(), rejected.toString())))
                .body("[0].timeline.type", hasItems("SUBMITTED", "APPROVED", "CLEARED"))
                .body("[0].timeline.findAll { it.type == 'REJECTED' }.size()", is(0))
                .body("[0].erasureReceipt.category", hasItems("LEGAL_NAME", "ID_NUMBER"))
                .body("[1].timeline.type", hasItems("SUBMITTED", "REJECTED"))
                .body("[1].timeline.findAll { it.type == 'CLEARED' }.size()", is(0))
                .body("[1].erasureReceipt.size()", is(0));
    }

    @Test
    void anotherAccountsRequestIsNotFound() {
        UUID owner = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(owner));

        Api.as(Api.createAccount())
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void clearedAccountCanBindARealNameAgain() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        awaitStatus(account, request, "CLEARED");

        Api.as(account)
                .body(java.util.Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber()))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200)
                .body("status", is("VERIFIED"));
    }

    private static void awaitStatus(UUID account, UUID request, String status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status.equals(Api.as(account)
                        .get("/api/v1/me/clearing-requests/" + request)
                        .then()
                        .extract()
                        .path("status")));
    }

    /** Rows in any table of the service whose text contains {@code value}: a full scan, not a guess at columns. */
    private long realNameRows(UUID account) throws SQLException {
        return rows("real_name", account);
    }

    private long rows(String table, UUID account) throws SQLException {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE account_id = ?")) {
            count.setObject(1, account);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long rowsMentioning(String value) throws SQLException {
        long hits = 0;
        try (var connection = dataSource.getConnection();
                var tables = connection
                        .createStatement()
                        .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (var scan =
                        connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                    scan.setString(1, "%" + value + "%");
                    try (var rows = scan.executeQuery()) {
                        rows.next();
                        hits += rows.getLong(1);
                    }
                }
            }
        }
        return hits;
    }
}
