package io.clearname.local.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One clearing the benchmark drives: its account and token, and when each step was seen. Times are
 * {@link System#nanoTime()} values; 0 means not yet. Fields are guarded by the object's monitor.
 */
final class Clearing {

    final int index;
    final UUID accountId;
    final String email;
    final String phone;
    final String idempotencyKey = UUID.randomUUID().toString();

    String token;
    long tokenSignedNanos;

    /** Whether this clearing belongs to the measured phase (not the warm-up). */
    boolean measured;

    /** When the submission was due (fixed rate) or started (saturation): latencies count from here. */
    long startNanos;

    long submittedNanos;
    int submitStatus;
    UUID requestId;

    long clearedNanos;
    String outcome;
    final Set<String> conclusionEventIds = new HashSet<>();

    final Set<UUID> delivered = new HashSet<>();
    final Set<UUID> failed = new HashSet<>();
    long completedNanos;

    Clearing(int index, UUID accountId, String email, String phone) {
        this.index = index;
        this.accountId = accountId;
        this.email = email;
        this.phone = phone;
    }

    synchronized boolean accepted() {
        return submitStatus == 202;
    }

    synchronized boolean complete() {
        return completedNanos != 0;
    }
}
