package io.clearname.kit.messaging;

/**
 * A consumer stops retrying a transient failure because the service is shutting down. It escapes the consumer method on
 * purpose: the channel's {@code fail} strategy then leaves the records' offsets uncommitted, so the next consumer of the
 * partition receives them again, instead of a valid event going to a dead-letter topic.
 */
public class ProcessingDeferredException extends RuntimeException {

    public ProcessingDeferredException(String consumer, Throwable lastFailure) {
        super(consumer + ": processing deferred, the service is stopping (last failure: "
                + lastFailure.getClass().getName() + ")");
    }
}
