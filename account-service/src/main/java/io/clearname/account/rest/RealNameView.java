package io.clearname.account.rest;

import java.time.Instant;
import java.util.UUID;

/** The real-name status with masked values only. */
public record RealNameView(
        Status status, String maskedName, String maskedIdNumber, Instant verifiedAt, UUID activeRequestId) {

    public enum Status {
        UNVERIFIED,
        VERIFIED,
        CLEARING,
        CLEARED
    }
}
