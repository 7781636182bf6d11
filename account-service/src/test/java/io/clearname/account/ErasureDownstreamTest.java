package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EntitlementsRevoked;
import io.clearname.events.EventType;
import io.clearname.events.IdDocumentsReleased;
import io.clearname.events.Topics;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The erasure tells the systems outside the suite what to do (IdDocumentsReleased to the image store,
 * EntitlementsRevoked to membership, billing and cloud storage) and the suite what was done (ClearingConcluded's
 * receipt lines): once each, valid by their schemas, without personal data.
 */
@QuarkusTest
class ErasureDownstreamTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theImageStoreIsAskedOnceToDeleteTheAccountsDocumentsByTheirIds() throws SQLException {
        String name = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        String front = "images/" + UUID.randomUUID() + "/front.jpg";
        UUID account = verifiedWithDocuments(name, idNumber, front);
        Map<UUID, String> documents = documentsOf(account);
        assertThat(documents).hasSize(2);

        UUID request = ErasureReceiptTest.clear(account);

        var records = awaitRecords(Topics.ID_DOCUMENTS_RELEASED, request);
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.ID_DOCUMENTS_RELEASED, records.get(0).value()))
                .isEmpty();
        var released = EventRecords.read(records.get(0), IdDocumentsReleased.class);
        assertThat(released.accountId()).isEqualTo(account);
        assertThat(released.documents())
                .extracting(IdDocumentsReleased.Document::documentId, IdDocumentsReleased.Document::category)
                .containsExactlyInAnyOrderElementsOf(documents.entrySet().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
                        .toList());
        assertNoPersonalData(records.get(0), name, idNumber, front);
    }

    @Test
    void revokedRightsArePublishedOnceAsTheyWereBeforeTheErasure() {
        UUID account = ErasureReceiptTest.holder("en");
        var admin =
                Api.asSupport().get("/api/v1/admin/accounts/" + account).then().extract();
        String paidUntil = admin.path("vip.expiresAt");

        UUID request = ErasureReceiptTest.clear(account);

        var records = awaitRecords(Topics.ENTITLEMENTS_REVOKED, request);
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.ENTITLEMENTS_REVOKED, records.get(0).value()))
                .isEmpty();
        var revoked = EventRecords.read(records.get(0), EntitlementsRevoked.class);
        assertThat(revoked.accountId()).isEqualTo(account);
        assertThat(revoked.revocations())
                .containsExactly(
                        new EntitlementsRevoked.Revocation("VIP", java.time.Instant.parse(paidUntil), false, 0, 0),
                        new EntitlementsRevoked.Revocation(
                                "CLOUD_STORAGE", null, false, 53_687_091_200L, 3_221_225_472L));
        assertNoPersonalData(records.get(0));
    }

    @Test
    void theConclusionCarriesTheReceiptLinesAsTheyStoodAtTheErasure() {
        UUID account = ErasureReceiptTest.holder("en");

        UUID request = ErasureReceiptTest.clear(account);

        var records = awaitRecords(Topics.CLEARING_CONCLUDED, request);
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.CLEARING_CONCLUDED, records.get(0).value()))
                .isEmpty();
        var concluded = EventRecords.read(records.get(0), ClearingConcluded.class);
        assertThat(concluded.revokedEntitlements()).containsExactly("VIP", "CLOUD_STORAGE");
        assertThat(concluded.receipt())
                .contains(
                        new ClearingConcluded.ReceiptLine("LEGAL_NAME", "REMOVED"),
                        new ClearingConcluded.ReceiptLine("ID_NUMBER", "REMOVED"),
                        // The data key is destroyed after the erasure commits: the conclusion never says it is gone.
                        new ClearingConcluded.ReceiptLine("DATA_KEY", "SCHEDULED"),
                        new ClearingConcluded.ReceiptLine("ID_DOCUMENT_REFERENCES", "REMOVED"),
                        new ClearingConcluded.ReceiptLine("ID_DOCUMENT_IMAGES", "SCHEDULED"),
                        new ClearingConcluded.ReceiptLine("VIP", "REVOKED"),
                        new ClearingConcluded.ReceiptLine("CLOUD_STORAGE", "REVOKED"),
                        new ClearingConcluded.ReceiptLine("ID_FINGERPRINT", "RETAINED"),
                        new ClearingConcluded.ReceiptLine("CONTACT_SNAPSHOT", "RETAINED"),
                        new ClearingConcluded.ReceiptLine("COMPLAINT_TEXTS", "RETAINED"),
                        new ClearingConcluded.ReceiptLine("EVENT_LOG", "RETAINED"),
                        new ClearingConcluded.ReceiptLine("CLEARING_RECORD", "RETAINED"),
                        new ClearingConcluded.ReceiptLine("CONTACT_POINTS", "RETAINED"))
                .hasSize(13);
    }

    @Test
    void withNothingToRevokeAndNoDocumentsNeitherEventIsPublished() {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());

        UUID request = ErasureReceiptTest.clear(account);

        // All three are appended in the erasure's transaction, the conclusion last: once it is out, so are the others.
        var concluded = EventRecords.read(
                awaitRecords(Topics.CLEARING_CONCLUDED, request).get(0), ClearingConcluded.class);
        assertThat(concluded.revokedEntitlements()).isEmpty();
        assertThat(concluded.receipt())
                .extracting(ClearingConcluded.ReceiptLine::category)
                .doesNotContain("ID_DOCUMENT_REFERENCES", "ID_DOCUMENT_IMAGES", "VIP", "CLOUD_STORAGE");
        assertThat(EventRecords.about(Topics.ENTITLEMENTS_REVOKED, request)).isEmpty();
        assertThat(EventRecords.about(Topics.ID_DOCUMENTS_RELEASED, request)).isEmpty();
        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .body("revocations.size()", org.hamcrest.Matchers.is(0));
    }

    private static UUID verifiedWithDocuments(String name, String idNumber, String front) {
        UUID account = Api.createAccount();
        Api.as(account)
                .body(Map.of(
                        "legalName",
                        name,
                        "idNumber",
                        idNumber,
                        "documents",
                        List.of(
                                Map.of("category", "ID_FRONT", "reference", front),
                                Map.of("category", "HOLDING_ID", "reference", "images/" + UUID.randomUUID()))))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200);
        return account;
    }

    private Map<UUID, String> documentsOf(UUID account) throws SQLException {
        var documents = new java.util.HashMap<UUID, String>();
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("SELECT id, category FROM id_document WHERE account_id = ?")) {
            select.setObject(1, account);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    documents.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return documents;
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String topic, UUID request) {
        return await(topic)
                .atMost(Duration.ofSeconds(15))
                .until(() -> EventRecords.about(topic, request), r -> !r.isEmpty());
    }

    /** Neither the value nor any header holds the account's contact points or the given values. */
    private static void assertNoPersonalData(ConsumerRecord<String, String> record, String... values) {
        var texts = new ArrayList<String>();
        texts.add(record.value());
        record.headers().forEach(h -> texts.add(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        var personal = new ArrayList<>(List.of("+8613800138000", "13800138000", "person@example.com"));
        personal.addAll(List.of(values));
        for (String text : texts) {
            for (String value : personal) {
                assertThat(text).doesNotContain(value);
            }
        }
    }
}
