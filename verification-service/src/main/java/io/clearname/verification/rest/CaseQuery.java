package io.clearname.verification.rest;

import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.service.CaseFilter;
import io.clearname.verification.service.ReviewService.SortOrder;
import io.clearname.verification.service.VerificationProblems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The query parameters of the reviewers' listing, read as strings so that a bad value gets a 422 naming it (JAX-RS
 * would answer 404 for a query parameter it cannot convert).
 */
record CaseQuery(CaseFilter filter, SortOrder sort, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static CaseQuery parse(
            String state,
            String sort,
            String priority,
            String assignee,
            String escalated,
            String breached,
            String accountId,
            String page,
            String size) {
        List<Map<String, String>> errors = new ArrayList<>();
        CaseState caseState = CaseState.IN_REVIEW;
        if (state != null && !state.isBlank()) {
            if (state.equalsIgnoreCase("ALL")) {
                caseState = null;
            } else {
                caseState = Arrays.stream(CaseState.values())
                        .filter(s -> s.name().equalsIgnoreCase(state))
                        .findFirst()
                        .orElse(null);
                if (caseState == null) {
                    errors.add(error("state", "must be IN_REVIEW, DECIDED, WITHDRAWN, CONCLUDED or ALL"));
                }
            }
        }
        SortOrder order = SortOrder.PRIORITY;
        if (sort != null && !sort.isBlank()) {
            order = SortOrder.of(sort).orElse(null);
            if (order == null) {
                errors.add(error("sort", "must be priority, due or created"));
            }
        }
        Priority level = null;
        if (priority != null && !priority.isBlank()) {
            level = Priority.of(priority.toUpperCase()).orElse(null);
            if (level == null) {
                errors.add(error("priority", "must be NORMAL, HIGH or URGENT"));
            }
        }
        boolean unassigned = "none".equals(assignee);
        String reviewer = assignee == null || assignee.isBlank() || unassigned ? null : assignee;
        Boolean isEscalated = bool("escalated", escalated, errors);
        Boolean isBreached = bool("breached", breached, errors);
        UUID account = null;
        if (accountId != null && !accountId.isBlank()) {
            try {
                account = UUID.fromString(accountId);
            } catch (IllegalArgumentException e) {
                errors.add(error("accountId", "must be a UUID"));
            }
        }
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw VerificationProblems.invalid(errors);
        }
        return new CaseQuery(
                new CaseFilter(caseState, level, reviewer, unassigned, isEscalated, isBreached, account),
                order,
                pageNumber,
                pageSize);
    }

    private static Boolean bool(String field, String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(error(field, "must be true or false"));
        return null;
    }

    private static int integer(
            String field, String value, int fallback, int min, int max, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(error(
                field, max == Integer.MAX_VALUE ? "must be " + min + " or more" : "must be " + min + " to " + max));
        return fallback;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
