package io.clearname.verification.service;

import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Priority;
import java.util.UUID;

/**
 * Which cases the reviewers' listing shows; a null field does not filter.
 *
 * @param state the cases' state; null for every state
 * @param assignee only the cases this reviewer holds
 * @param unassigned only the cases nobody holds (then {@code assignee} is ignored)
 * @param escalated past the at-risk mark, or not
 * @param breached past the due date, or not
 * @param accountId only this account's cases
 */
public record CaseFilter(
        CaseState state,
        Priority priority,
        String assignee,
        boolean unassigned,
        Boolean escalated,
        Boolean breached,
        UUID accountId) {}
