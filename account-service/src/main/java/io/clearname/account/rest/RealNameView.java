package io.clearname.account.rest;

import io.clearname.account.entity.DocumentCategory;
import io.clearname.account.service.RealNameStatus;
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

    public static RealNameView of(RealNameStatus status) {
        return new RealNameView(
                Status.valueOf(status.status().name()),
                status.maskedName(),
                status.maskedIdNumber(),
                status.verifiedAt(),
                status.documents(),
                status.activeRequestId());
    }

    public enum Status {
        UNVERIFIED,
        VERIFIED,
        CLEARING,
        CLEARED
    }
}
