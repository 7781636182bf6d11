package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.account.config.EncryptionConfig;
import io.clearname.account.service.DataKeys;
import io.clearname.account.service.RealNameVault;
import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Real names are encrypted at rest with a data key kept in a separate key store; clearing destroys the key, so a dump
 * of the account database taken before the clearing no longer yields the name or ID number afterwards.
 */
@QuarkusTest
class CryptoShreddingTest {

    @Inject
    AgroalDataSource accountDatabase;

    @Inject
    @DataSource("keys")
    AgroalDataSource keyStore;

    @Inject
    RealNameVault vault;

    @Inject
    DataKeys dataKeys;

    @Inject
    Clock clock;

    /** What a backup of the account database holds for one real name. */
    record DumpedRealName(UUID accountId, UUID dataKeyId, byte[] legalName, byte[] idNumber) {}

    @Test
    void aDumpTakenBeforeClearingCannotBeReadAfterIt() throws SQLException {
        String name = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        UUID account = Api.createVerifiedAccount(name, idNumber);
        DumpedRealName dump = dump(account);
        assertThat(new String(dump.legalName(), StandardCharsets.UTF_8)).doesNotContain(name);
        assertThat(new String(dump.idNumber(), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
        // While the data key exists the dump is readable: the recovery path below is a real one.
        assertThat(vault.open(account, dump.dataKeyId(), dump.idNumber(), "id_number"))
                .contains(idNumber);
        assertThat(vault.open(account, dump.dataKeyId(), dump.legalName(), "legal_name"))
                .contains(name);

        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));

        await("data key destroyed after the clearing")
                .atMost(Duration.ofSeconds(15))
                .until(() -> dataKeys.find(dump.dataKeyId()).isEmpty());
        Api.as(account)
                .get("/api/v1/me/clearing-requests/" + request)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.is("CLEARED"));
        assertThat(vault.open(account, dump.dataKeyId(), dump.idNumber(), "id_number"))
                .isEmpty();
        assertThat(vault.open(account, dump.dataKeyId(), dump.legalName(), "legal_name"))
                .isEmpty();
        assertThat(keyRows(dump.dataKeyId())).isZero();
    }

    @Test
    void bindingAgainUsesANewDataKeyAndShredsTheOldOne() throws SQLException {
        UUID account = Api.createVerifiedAccount(FakePeople.legalName(), FakePeople.idNumber());
        UUID first = dump(account).dataKeyId();

        Api.as(account)
                .body(java.util.Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber()))
                .put("/api/v1/me/real-name")
                .then()
                .statusCode(200);

        assertThat(dump(account).dataKeyId()).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(15)).until(() -> dataKeys.find(first).isEmpty());
        Api.as(account).get("/api/v1/me/real-name").then().body("status", org.hamcrest.Matchers.is("VERIFIED"));
    }

    @Test
    void aKekRotationRewrapsDataKeysSoTheOldKekCanBeRetired() {
        String oldKek = "old=" + randomKey();
        String newKek = "new=" + randomKey();
        var beforeRotation = new DataKeys(keyStore, config(oldKek, "old"), clock);
        var duringRotation = new DataKeys(keyStore, config(newKek + "," + oldKek, "new"), clock);
        var afterRotation = new DataKeys(keyStore, config(newKek, "new"), clock);
        var key = beforeRotation.create();

        assertThat(duringRotation.find(key.id()).orElseThrow().key().getEncoded())
                .isEqualTo(key.key().getEncoded());
        while (duringRotation.rewrap(100) > 0) {
            // until no data key is wrapped by an old KEK
        }

        assertThat(afterRotation.find(key.id()).orElseThrow().key().getEncoded())
                .as("readable with the new KEK alone")
                .isEqualTo(key.key().getEncoded());
        afterRotation.destroy(key.id());
    }

    private DumpedRealName dump(UUID account) throws SQLException {
        try (var connection = accountDatabase.getConnection();
                var select = connection.prepareStatement(
                        "SELECT data_key_id, legal_name_ct, id_number_ct FROM real_name WHERE account_id = ?")) {
            select.setObject(1, account);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new DumpedRealName(account, row.getObject(1, UUID.class), row.getBytes(2), row.getBytes(3));
            }
        }
    }

    private long keyRows(UUID dataKeyId) throws SQLException {
        try (var connection = keyStore.getConnection();
                var select = connection.prepareStatement("SELECT count(*) FROM data_key WHERE id = ?")) {
            select.setObject(1, dataKeyId);
            try (var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static EncryptionConfig config(String keks, String active) {
        return new EncryptionConfig() {
            @Override
            public String keks() {
                return keks;
            }

            @Override
            public String activeKek() {
                return active;
            }

            @Override
            public int rewrapBatch() {
                return 100;
            }
        };
    }
}
