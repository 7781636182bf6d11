package io.clearname.verification.rest;

import io.clearname.verification.service.VerificationProblems;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the staff listings' query parameters as strings, so that a bad value is a 422 naming it (JAX-RS would answer
 * 404 for a query parameter it cannot convert).
 */
final class StaffQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private StaffQuery() {}

    /** The constant named {@code value} (any case), null when absent; 422 naming {@code field} when unknown. */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> VerificationProblems.invalid(
                        field,
                        "must be "
                                + String.join(
                                        " or ",
                                        Arrays.stream(type.getEnumConstants())
                                                .map(Enum::name)
                                                .toList())));
    }

    /** 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw VerificationProblems.invalid(
                java.util.List.of(Map.of("field", "limit", "message", "must be 1 to " + MAX_LIMIT)));
    }
}
