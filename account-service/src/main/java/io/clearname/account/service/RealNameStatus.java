package io.clearname.account.service;

import io.clearname.account.entity.DocumentCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where an account's real name stands, with masked values only. */
public record RealNameStatus(
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
