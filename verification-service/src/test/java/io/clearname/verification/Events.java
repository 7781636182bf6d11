package io.clearname.verification;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.local.testing.ClearRequestedBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plays account-service: the events it would send verification-service. Publish and read them with {@link
 * io.clearname.local.testing.EventRecords}.
 */
final class Events {
    private Events() {}

    /** A ClearRequested that passes every rule unless a test changes it. */
    static ClearRequestedBuilder request(UUID account) {
        return ClearRequestedBuilder.forAccount(account);
    }

    static ClearingConcluded concluded(ClearRequested request, ClearingConcluded.Outcome outcome, Instant at) {
        return new ClearingConcluded(request.requestId(), request.accountId(), outcome, List.of(), List.of(), at);
    }
}
