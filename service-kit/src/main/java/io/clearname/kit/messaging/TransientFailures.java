package io.clearname.kit.messaging;

import io.clearname.events.MalformedEventException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that passes from one a record meets every time. Transient: the database or the broker cannot be
 * reached or is restarting, the connection pool has no connection to give, a deadlock, a serialization failure, a lock
 * or statement timeout, too many connections. Such a failure says nothing about the record, so a consumer retries it
 * rather than dead-letter a valid event. Anything else, a malformed event above all, is the record's own.
 */
public final class TransientFailures {

    /**
     * SQLSTATEs (PostgreSQL's, standard where they exist) of failures that pass. Class 08 (connection exceptions) and
     * class 53 (insufficient resources) count as a whole.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, recovering)
            "58000", // system_error
            "58030", // io_error
            "25006"); // read_only_sql_transaction (a primary turned replica during failover)

    private static final int MAX_DEPTH = 32;

    private TransientFailures() {}

    /** Whether {@code failure}, or anything in its cause chain, is a failure that passes. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause()) {
            depth++;
            if (t instanceof MalformedEventException) {
                return false;
            }
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof RetriableException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && transientSql(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientSql(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's pool reports an exhausted or closing pool without a state.
            String message = e.getMessage();
            return message != null
                    && (message.startsWith("Sorry, acquisition timeout")
                            || message.startsWith("Interrupted while acquiring"));
        }
        return state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state);
    }
}
