package io.clearname.kit;

import io.clearname.events.Acknowledgement;
import io.clearname.events.ClearRequested;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class Events {
    private Events() {}

    static ClearRequested clearRequested(UUID accountId) {
        return new ClearRequested(
                UUID.randomUUID(),
                accountId,
                Instant.now(),
                "en",
                new ClearRequested.Contact("+8613800000000", "user@example.com"),
                new ClearRequested.AuditSnapshot(
                        Instant.parse("2020-01-01T00:00:00Z"), 2000, null, null, List.of(), "ab"),
                List.of(Acknowledgement.values()));
    }
}
