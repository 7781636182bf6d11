package io.clearname.events;

import java.util.UUID;

/**
 * An event of the clearname suite. Every event belongs to one clearing request of one account: the account id is the
 * Kafka record key (per-account order) and the request id is the CloudEvents subject.
 */
public interface ClearnameEvent {

    /** The account the event concerns; the record key. */
    UUID accountId();

    /** The clearing request the event concerns; the CloudEvents {@code ce_subject}. */
    UUID requestId();
}
