package io.clearname.verification.rest;

/** Example bodies of the OpenAPI document ({@code /q/openapi}). */
final class Examples {

    private Examples() {}

    static final String PROBLEM_JSON = "application/problem+json";

    static final String AUDIT_IN_REVIEW = """
            {
              "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118",
              "state": "IN_REVIEW",
              "decision": null,
              "reasons": [],
              "message": null,
              "decidedAt": null,
              "expectedDecisionBy": "2026-03-17T09:15:30Z",
              "escalated": true,
              "breached": false,
              "complaints": [
                {
                  "complaintId": "5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a",
                  "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118",
                  "receivedAt": "2026-03-05T08:30:00Z",
                  "kind": "ESCALATION",
                  "message": "Nobody has answered for a week. Call me on [phone].",
                  "status": "OPEN",
                  "dueAt": "2026-03-17T09:15:30Z",
                  "answer": null,
                  "answeredAt": null
                }
              ]
            }""";

    static final String AUDIT_REJECTED = """
            {
              "requestId": "397416db-7f87-4851-b499-0797871deee2",
              "state": "DECIDED",
              "decision": "REJECTED",
              "reasons": [
                {
                  "code": "VELOCITY",
                  "finality": "RETRY",
                  "text": "Too many clearing requests were made from this account in the last 24 hours. Please try again later."
                }
              ],
              "message": "Too many clearing requests were made from this account in the last 24 hours. Please try again later. If you disagree, you can file a complaint about this request and it will be looked at again.",
              "decidedAt": "2026-03-02T09:15:34Z",
              "expectedDecisionBy": "2026-03-17T09:15:30Z",
              "escalated": false,
              "breached": false,
              "complaints": []
            }""";

    static final String FILE_COMPLAINT = """
            {"message": "Nobody has answered for a week. Call me on 13800138000."}""";

    static final String COMPLAINT = """
            {
              "complaintId": "5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a",
              "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118",
              "receivedAt": "2026-03-05T08:30:00Z",
              "kind": "ESCALATION",
              "message": "Nobody has answered for a week. Call me on [phone].",
              "status": "OPEN",
              "dueAt": "2026-03-17T09:15:30Z",
              "answer": null,
              "answeredAt": null
            }""";

    static final String COMPLAINTS = "[" + COMPLAINT + "]";

    static final String CASE_LIST = """
            {
              "items": [
                {
                  "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118",
                  "accountId": "ab101f97-24fd-42f9-851b-8601a8d1c9c0",
                  "state": "IN_REVIEW",
                  "priority": "HIGH",
                  "createdAt": "2026-03-02T09:15:30Z",
                  "dueAt": "2026-03-17T09:15:30Z",
                  "escalatedAt": null,
                  "breachedAt": null,
                  "assignee": null,
                  "reviewFor": ["RECENT_SECURITY_CHANGE"],
                  "complaints": 1
                }
              ],
              "page": 0,
              "size": 20,
              "total": 1
            }""";

    static final String CASE = """
            {
              "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118",
              "accountId": "ab101f97-24fd-42f9-851b-8601a8d1c9c0",
              "state": "DECIDED",
              "priority": "HIGH",
              "createdAt": "2026-03-02T09:15:30Z",
              "escalateAt": "2026-03-14T09:15:30Z",
              "dueAt": "2026-03-17T09:15:30Z",
              "escalatedAt": null,
              "breachedAt": null,
              "assignee": "reviewer-7",
              "assignedAt": "2026-03-05T10:00:00Z",
              "snapshot": {
                "requestedAt": "2026-03-02T09:15:29Z",
                "locale": "zh-CN",
                "accountCreatedAt": "2019-05-01T00:00:00Z",
                "accountAgeDays": 2497,
                "realNameVerifiedAt": "2020-01-01T00:00:00Z",
                "lastSecurityChangeAt": "2026-02-25T12:00:00Z",
                "restrictions": []
              },
              "ruleResults": [
                {"rule": "ACCOUNT_RESTRICTED", "outcome": "PASS", "finality": null, "detail": "no restriction", "thresholds": "rejects LEGAL_HOLD, UNDER_INVESTIGATION; any other restriction goes to review", "evaluatedAt": "2026-03-02T09:15:30Z"},
                {"rule": "REPEATED_CLEARING", "outcome": "PASS", "finality": null, "detail": "0 earlier clearing(s) of this identity within the window", "thresholds": "review at 2, reject at 3 or more, within 365d", "evaluatedAt": "2026-03-02T09:15:30Z"},
                {"rule": "VELOCITY", "outcome": "PASS", "finality": null, "detail": "1 request(s) of the account within the window, this one included", "thresholds": "more than 2 within 24h", "evaluatedAt": "2026-03-02T09:15:30Z"},
                {"rule": "RECENT_VERIFICATION", "outcome": "PASS", "finality": null, "detail": "verified 2252d 9h 15m before the request", "thresholds": "review when verified less than 7d before", "evaluatedAt": "2026-03-02T09:15:30Z"},
                {"rule": "RECENT_SECURITY_CHANGE", "outcome": "REVIEW", "finality": null, "detail": "last security change 4d 21h 15m before the request", "thresholds": "review when password, phone or email changed less than 14d before", "evaluatedAt": "2026-03-02T09:15:30Z"}
              ],
              "decision": {
                "decision": "REJECTED",
                "reasons": [{"code": "RECENT_SECURITY_CHANGE", "finality": "RETRY", "text": "Your password, phone number or email changed recently. For your safety, please try again later."}],
                "userMessage": "Your phone number changed recently. Please apply again in two weeks.",
                "internalNote": "Phone changed from a new device two days before the request.",
                "decidedBy": "reviewer-7",
                "decidedAt": "2026-03-05T10:12:00Z"
              },
              "closedAt": null,
              "actions": [
                {"at": "2026-03-02T09:15:30Z", "actor": "SYSTEM", "type": "OPENED", "detail": "rules: REVIEW (RECENT_SECURITY_CHANGE REVIEW)"},
                {"at": "2026-03-05T08:30:00Z", "actor": "OWNER", "type": "COMPLAINT", "detail": "complaint 5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a; priority NORMAL -> HIGH"},
                {"at": "2026-03-05T10:00:00Z", "actor": "reviewer-7", "type": "ASSIGNED", "detail": "claimed"},
                {"at": "2026-03-05T10:12:00Z", "actor": "reviewer-7", "type": "DECIDED", "detail": "REJECTED: RECENT_SECURITY_CHANGE"}
              ],
              "complaints": [
                {"complaintId": "5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a", "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118", "receivedAt": "2026-03-05T08:30:00Z", "kind": "ESCALATION", "message": "Nobody has answered for a week. Call me on [phone].", "status": "OPEN", "dueAt": "2026-03-17T09:15:30Z", "answer": null, "answeredAt": null}
              ]
            }""";

    static final String DECIDE_REJECT = """
            {
              "decision": "REJECTED",
              "reasonCodes": ["RECENT_SECURITY_CHANGE"],
              "userMessage": "Your phone number changed recently. Please apply again in two weeks.",
              "internalNote": "Phone changed from a new device two days before the request."
            }""";

    static final String DECIDE_APPROVE = """
            {"decision": "APPROVED", "reasonCodes": [], "internalNote": "Security change was the owner's own, confirmed by call-back."}""";

    static final String REASON_CODES = """
            [
              {
                "code": "ACCOUNT_RESTRICTED",
                "finality": "FINAL",
                "text": {
                  "en": "Your account is under a legal hold or an investigation, so its real name cannot be cleared.",
                  "zh-CN": "您的账号处于法律冻结或调查中，无法清除实名信息。"
                }
              },
              {
                "code": "VELOCITY",
                "finality": "RETRY",
                "text": {
                  "en": "Too many clearing requests were made from this account in the last 24 hours. Please try again later.",
                  "zh-CN": "该账号在 24 小时内提交的清除申请过多，请稍后再试。"
                }
              }
            ]""";

    static final String NOT_FOUND = """
            {"type": "https://clearname.io/problems/not-found", "title": "No such resource", "status": 404, "detail": "No audit for this request."}""";

    static final String CASE_NOT_FOUND = """
            {"type": "https://clearname.io/problems/not-found", "title": "No such resource", "status": 404, "detail": "No audit case for this request."}""";

    static final String CASE_ASSIGNED = """
            {"type": "https://clearname.io/problems/case-assigned", "title": "Another reviewer holds this audit case", "status": 409, "detail": "Another reviewer holds this case; ask them to release it.", "assignee": "reviewer-3"}""";

    static final String CASE_NOT_OPEN = """
            {"type": "https://clearname.io/problems/case-not-open", "title": "The audit case is no longer open for review", "status": 409, "detail": "The case is DECIDED; it can no longer be assigned or decided.", "state": "DECIDED"}""";

    static final String DECISION_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: reasonCodes[0]", "errors": [{"field": "reasonCodes[0]", "message": "must be a code of the catalogue (GET /api/v1/review/reason-codes)"}]}""";

    static final String LIST_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: state", "errors": [{"field": "state", "message": "must be IN_REVIEW, DECIDED, WITHDRAWN, CONCLUDED or ALL"}]}""";

    static final String COMPLAINT_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: message", "errors": [{"field": "message", "message": "size must be between 0 and 2000"}]}""";

    static final String KEY_REUSED = """
            {"type": "https://clearname.io/problems/idempotency-key-reused", "title": "The Idempotency-Key was already used with a different request", "status": 422, "detail": "This Idempotency-Key was used for a different complaint; use a new key."}""";

    static final String RATE_LIMITED = """
            {"type": "https://clearname.io/problems/rate-limited",
             "title": "Too many requests of this kind; retry after the time given", "status": 429,
             "detail": "At most 10 per 60 minutes; retry after 1260 seconds.", "retryAfter": 1260}""";

    static final String STAFF_COMPLAINT = """
            {
              "complaintId": "5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a",
              "requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118",
              "kind": "COMPLAINT",
              "status": "ANSWERED",
              "receivedAt": "2026-03-20T08:30:00Z",
              "dueAt": "2026-03-25T08:30:00Z",
              "message": "Why was I not told earlier? Call me on [phone].",
              "answer": "We are sorry for the wait; the notice went out on 2 March. Your request was approved.",
              "answeredBy": "support-2",
              "answeredAt": "2026-03-21T10:00:00Z",
              "appealId": null
            }""";

    static final String STAFF_COMPLAINTS = "[" + STAFF_COMPLAINT + "]";

    static final String ANSWER_COMPLAINT = """
            {"message": "We are sorry for the wait; the notice went out on 2 March. Your request was approved."}""";

    static final String COMPLAINT_NOT_FOUND = """
            {"type": "https://clearname.io/problems/not-found", "title": "No such resource", "status": 404, "detail": "No such complaint."}""";

    static final String COMPLAINT_ANSWERED = """
            {"type": "https://clearname.io/problems/complaint-answered", "title": "The complaint has already been answered", "status": 409, "detail": "The complaint was answered; it takes one answer.", "answeredAt": "2026-03-21T10:00:00Z"}""";

    static final String APPEAL_PENDING = """
            {"type": "https://clearname.io/problems/appeal-pending", "title": "The complaint is an appeal; its decision answers it", "status": 409, "detail": "This complaint opened an appeal; the appeal's decision answers it.", "appealId": "0b7d6f0e-3a59-4c55-9a3e-1f9b7c2d4e5f"}""";

    static final String ANSWER_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: message", "errors": [{"field": "message", "message": "must not be blank"}]}""";

    static final String COMPLAINT_LIST_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: status", "errors": [{"field": "status", "message": "must be OPEN or ANSWERED"}]}""";

    static final String APPEAL_SUMMARY = """
            {
              "appealId": "0b7d6f0e-3a59-4c55-9a3e-1f9b7c2d4e5f",
              "requestId": "397416db-7f87-4851-b499-0797871deee2",
              "accountId": "ab101f97-24fd-42f9-851b-8601a8d1c9c0",
              "complaintId": "5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a",
              "state": "OPEN",
              "assignee": null,
              "firstDecidedBy": "reviewer-7",
              "createdAt": "2026-03-06T08:30:00Z",
              "dueAt": "2026-03-16T08:30:00Z",
              "outcome": null,
              "decidedBy": null,
              "decidedAt": null
            }""";

    static final String APPEALS = "[" + APPEAL_SUMMARY + "]";

    static final String APPEAL = """
            {
              "appealId": "0b7d6f0e-3a59-4c55-9a3e-1f9b7c2d4e5f",
              "requestId": "397416db-7f87-4851-b499-0797871deee2",
              "accountId": "ab101f97-24fd-42f9-851b-8601a8d1c9c0",
              "complaintId": "5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a",
              "state": "DECIDED",
              "assignee": "reviewer-9",
              "assignedAt": "2026-03-07T09:00:00Z",
              "createdAt": "2026-03-06T08:30:00Z",
              "dueAt": "2026-03-16T08:30:00Z",
              "message": "I changed my phone number myself, at the shop, with my ID card.",
              "firstDecision": {
                "decision": "REJECTED",
                "reasons": [{"code": "RECENT_SECURITY_CHANGE", "finality": "RETRY", "text": "Your password, phone number or email changed recently. For your safety, please try again later."}],
                "userMessage": "Your phone number changed recently. Please apply again in two weeks.",
                "internalNote": "Phone changed from a new device two days before the request.",
                "decidedBy": "reviewer-7",
                "decidedAt": "2026-03-05T10:12:00Z"
              },
              "ruleResults": [
                {"rule": "RECENT_SECURITY_CHANGE", "outcome": "REVIEW", "finality": null, "detail": "last security change 4d 21h 15m before the request", "thresholds": "review when password, phone or email changed less than 14d before", "evaluatedAt": "2026-03-02T09:15:30Z"}
              ],
              "outcome": "OVERTURNED",
              "reasons": [{"code": "RECENT_SECURITY_CHANGE", "finality": "RETRY", "text": "Your password, phone number or email changed recently. For your safety, please try again later."}],
              "userMessage": "We looked at your request again and set the rejection aside. Please submit a new clearing request by 2026-04-06; it will not be rejected for the same reasons.",
              "internalNote": "Shop receipt confirms the owner changed the number in person.",
              "decidedBy": "reviewer-9",
              "decidedAt": "2026-03-07T09:30:00Z",
              "newRequestWindowEndsAt": "2026-04-06T09:30:00Z"
            }""";

    static final String DECIDE_APPEAL = """
            {"outcome": "OVERTURNED", "internalNote": "Shop receipt confirms the owner changed the number in person."}""";

    static final String REASSIGN = """
            {"reviewerId": "reviewer-9", "note": "reviewer-7 is on leave"}""";

    static final String APPEAL_NOT_FOUND = """
            {"type": "https://clearname.io/problems/not-found", "title": "No such resource", "status": 404, "detail": "No such appeal."}""";

    static final String APPEAL_REVIEWER_CONFLICT = """
            {"type": "https://clearname.io/problems/appeal-reviewer-conflict", "title": "The reviewer of the first decision cannot review its appeal", "status": 409, "detail": "This reviewer made the decision appealed against; another reviewer must look at it.", "firstDecidedBy": "reviewer-7"}""";

    static final String APPEAL_ASSIGNED = """
            {"type": "https://clearname.io/problems/appeal-assigned", "title": "Another reviewer holds this appeal", "status": 409, "detail": "Another reviewer holds this appeal; ask them to release it.", "assignee": "reviewer-3"}""";

    static final String APPEAL_DECIDED = """
            {"type": "https://clearname.io/problems/appeal-decided", "title": "The appeal is decided; its decision is final", "status": 409, "detail": "The appeal was decided UPHELD; final.", "outcome": "UPHELD"}""";

    static final String APPEAL_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: outcome", "errors": [{"field": "outcome", "message": "must be UPHELD or OVERTURNED"}]}""";

    static final String REASSIGN_INVALID = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields", "status": 422, "detail": "Invalid fields: reviewerId", "errors": [{"field": "reviewerId", "message": "must not be blank"}]}""";
}
