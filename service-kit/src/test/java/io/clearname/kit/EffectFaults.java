package io.clearname.kit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;

/** Switches the test consumer's effect to fail for one request (table kit_effect_fault). */
@ApplicationScoped
public class EffectFaults {

    private final AgroalDataSource dataSource;

    public EffectFaults(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The effect for {@code requestId} fails {@code times} times with {@code sqlState}, then succeeds. */
    public void failTimes(UUID requestId, String sqlState, int times) {
        execute(
                "INSERT INTO kit_effect_fault (request_id, sqlstate, fail_until)"
                        + " VALUES (?, ?, nextval('kit_effect_fault_attempts') + ?)",
                requestId,
                sqlState,
                times);
    }

    /** The effect for {@code requestId} fails every time with {@code sqlState}, until {@link #fix}. */
    public void failAlways(UUID requestId, String sqlState) {
        execute("INSERT INTO kit_effect_fault (request_id, sqlstate) VALUES (?, ?)", requestId, sqlState);
    }

    public void fix(UUID requestId) {
        execute("DELETE FROM kit_effect_fault WHERE request_id = ?", requestId);
    }

    private void execute(String sql, Object... values) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
