package io.clearname.account.rest;

import io.clearname.account.entity.DocumentCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The real-name status with masked values only. */
public record RealNameView(
        Status status,
        String maskedName,
        String maskedIdNumber,
        Instant verifiedAt,
        List<DocumentCategory> documents,
        UUID activeRequestId) {

    public enum Status {
        UNVERIFIED,
        VERIFIED,
        CLEARING,
        CLEARED
    }
}
