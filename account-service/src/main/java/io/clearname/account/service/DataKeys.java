package io.clearname.account.service;

import io.agroal.api.AgroalDataSource;
import io.clearname.account.config.EncryptionConfig;
import io.clearname.kit.crypto.AesGcm;
import io.clearname.kit.crypto.KeyRing;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key store: one AES-256 data key per bound real name, wrapped by a key-encryption key (KEK) and kept in a
 * database of its own ({@code quarkus.datasource.keys}), apart from the ciphertext. Destroying a data key makes its
 * real name unreadable everywhere, including in backups of the account database: crypto-shredding. The key store's
 * own backups must be kept for a short, known time (see the README), after which a destroyed key is gone for good.
 *
 * <p>Statements run outside the caller's transaction (the data source has transactions disabled): a key created for a
 * binding that then rolls back is an unused key, harmless; a key is destroyed only after the erasure has committed.
 */
@ApplicationScoped
public class DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A data key, usable to encrypt and decrypt one real name. */
    public record DataKey(UUID id, SecretKey key) {}

    private final AgroalDataSource keys;
    private final KeyRing keks;
    private final String activeKek;
    private final Clock clock;

    public DataKeys(@DataSource("keys") AgroalDataSource keys, EncryptionConfig config, Clock clock) {
        this.keys = keys;
        this.keks = KeyRing.parse(config.keks(), config.activeKek(), "encryption.keks");
        this.activeKek = config.activeKek();
        this.clock = clock;
    }

    /** A new data key, wrapped by the active KEK and stored. */
    public DataKey create() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        UUID id = UUID.randomUUID();
        try (var connection = keys.getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO data_key (id, kek_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, activeKek);
            insert.setBytes(3, wrap(activeKek, id, material));
            insert.setTimestamp(4, Timestamp.from(Instant.now(clock)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a data key", e);
        }
        return new DataKey(id, new SecretKeySpec(material, "AES"));
    }

    /** The data key, or empty once it was destroyed. */
    public Optional<DataKey> find(UUID id) {
        try (var connection = keys.getConnection();
                var select = connection.prepareStatement("SELECT kek_id, wrapped_key FROM data_key WHERE id = ?")) {
            select.setObject(1, id);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DataKey(id, unwrap(row.getString(1), id, row.getBytes(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a data key", e);
        }
    }

    /** Destroys the data key; whatever it encrypted can no longer be read. Repeating it is harmless. */
    public void destroy(UUID id) {
        try (var connection = keys.getConnection();
                var delete = connection.prepareStatement("DELETE FROM data_key WHERE id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not destroy a data key", e);
        }
    }

    /**
     * Rewraps up to {@code batch} data keys still wrapped by an older KEK (one listed in {@code encryption.keks}) with
     * the active one; returns how many. Rows are locked with SKIP LOCKED, so instances share the work.
     */
    public int rewrap(int batch) {
        try (var connection = keys.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int done = rewrap(connection, batch);
                connection.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rewrap data keys", e);
        }
    }

    /** Data keys per KEK id, for the metric that tells when an old KEK is no longer needed. */
    public Map<String, Long> countByKek() {
        var counts = new LinkedHashMap<String, Long>();
        try (var connection = keys.getConnection();
                var select = connection.prepareStatement("SELECT kek_id, count(*) FROM data_key GROUP BY kek_id");
                var rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count data keys", e);
        }
        return counts;
    }

    private int rewrap(Connection connection, int batch) throws SQLException {
        var stale = new ArrayList<Object[]>();
        // Only keys wrapped by a KEK this instance knows: one that is not configured here is left to an instance that
        // has it, instead of failing every round.
        try (var select = connection.prepareStatement(
                "SELECT id, kek_id, wrapped_key FROM data_key WHERE kek_id <> ? AND kek_id = ANY (?) LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED")) {
            select.setString(1, activeKek);
            select.setArray(2, connection.createArrayOf("varchar", keks.ids().toArray()));
            select.setInt(3, batch);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.add(new Object[] {rows.getObject(1, UUID.class), rows.getString(2), rows.getBytes(3)});
                }
            }
        }
        try (var update = connection.prepareStatement("UPDATE data_key SET kek_id = ?, wrapped_key = ? WHERE id = ?")) {
            for (Object[] row : stale) {
                UUID id = (UUID) row[0];
                SecretKey key = unwrap((String) row[1], id, (byte[]) row[2]);
                update.setString(1, activeKek);
                update.setBytes(2, wrap(activeKek, id, key.getEncoded()));
                update.setObject(3, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        return stale.size();
    }

    private byte[] wrap(String kekId, UUID id, byte[] material) {
        return AesGcm.encrypt(keks.key(kekId).orElseThrow(), material, "data-key:" + id);
    }

    private SecretKey unwrap(String kekId, UUID id, byte[] wrapped) {
        SecretKey kek = keks.key(kekId).orElse(null);
        if (kek == null) {
            throw new IllegalStateException("Data key " + id + " is wrapped by KEK '" + kekId
                    + "', which is not configured in encryption.keks");
        }
        try {
            return new SecretKeySpec(AesGcm.decrypt(kek, wrapped, "data-key:" + id), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + id + " does not unwrap with KEK '" + kekId + "'", e);
        }
    }
}
