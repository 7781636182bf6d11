package io.clearname.notification.service;

import java.util.List;

/**
 * What the templates of a notice see, already in the notice's language: dates formatted, reasons and entitlements
 * in words. Never a legal name, an ID number or a contact point.
 *
 * @param brand the name notices are signed with
 * @param requestId the request's full id, quoted in emails
 * @param shortRef the request id's first eight characters, quoted in SMS texts
 * @param noticeId the notification job's id, which support finds in the delivery log
 * @param requestedOn RECEIPT: the day of the request
 * @param expectedDecisionOn RECEIPT, COMPLAINT_RECEIVED: the day the decision is due; AUDIT_DELAYED: the day it was
 *     due
 * @param concludedOn CLEARED, REJECTED, WITHDRAWN: the day the request concluded
 * @param receivedOn COMPLAINT_RECEIVED: the day the complaint arrived
 * @param reasons REJECTED: each reason's text
 * @param mayRetry REJECTED: whether a new request may succeed later (no reason is final)
 * @param entitlements CLEARED: the rights and services revoked, in words
 */
public record NoticeModel(
        String brand,
        String requestId,
        String shortRef,
        String noticeId,
        String requestedOn,
        String expectedDecisionOn,
        String concludedOn,
        String receivedOn,
        List<String> reasons,
        boolean mayRetry,
        List<String> entitlements,
        String customerServicePhone,
        String customerServiceEmail) {}
