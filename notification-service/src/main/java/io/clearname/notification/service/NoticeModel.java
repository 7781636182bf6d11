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
 * @param expectedDecisionOn RECEIPT, COMPLAINT_RECEIVED, IN_REVIEW: the day the decision is due; AUDIT_DELAYED: the
 *     day it was due
 * @param concludedOn CLEARED, REJECTED, WITHDRAWN: the day the request concluded
 * @param receivedOn COMPLAINT_RECEIVED: the day the complaint arrived
 * @param reasons REJECTED, APPEAL_DECIDED: each reason's text
 * @param mayRetry REJECTED: whether a new request may succeed later (no reason is final)
 * @param entitlements CLEARED: the rights and services revoked, in words
 * @param happenedOn APPROVED, IN_REVIEW, COMPLAINT_ANSWERED, APPEAL_DECIDED: the day it happened
 * @param erasureAt APPROVED: the day, time and time zone at which the real name is erased
 * @param complaintKind COMPLAINT_RECEIVED: ESCALATION, APPEAL or COMPLAINT (also for a complaint of no kind)
 * @param text COMPLAINT_ANSWERED: the answer; APPEAL_DECIDED: the reviewer's message, empty when none
 * @param overturned APPEAL_DECIDED: whether the rejection was set aside
 * @param newRequestUntil APPEAL_DECIDED OVERTURNED: the day until which a new request is not rejected for those
 *     reasons
 * @param retryReasons REJECTED: the texts of the reasons a new request may overcome
 * @param finalReasons REJECTED: the texts of the reasons a new request will not overcome
 * @param hasReceipt CLEARED: whether the event said what was done with each category of data; without it the notice
 *     claims only what a CLEARED always means
 * @param removed CLEARED with a receipt: what was removed, in words
 * @param scheduled CLEARED with a receipt: what is being deleted after the clearing, in words
 * @param retained CLEARED with a receipt: what is kept, for how long and why, in words
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
        String customerServiceEmail,
        String happenedOn,
        String erasureAt,
        String complaintKind,
        String text,
        boolean overturned,
        String newRequestUntil,
        List<String> retryReasons,
        List<String> finalReasons,
        boolean hasReceipt,
        List<String> removed,
        List<String> scheduled,
        List<String> retained) {}
