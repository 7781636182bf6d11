package io.clearname.kit.messaging;

import io.clearname.events.ClearnameEvent;
import java.time.Instant;

/**
 * An event as a consumer receives it: its CloudEvents attributes and its typed payload.
 *
 * @param id the {@code ce_id}, the deduplication key
 */
public record IncomingEvent<T extends ClearnameEvent>(
        String id, String type, String source, String subject, Instant time, T payload) {}
