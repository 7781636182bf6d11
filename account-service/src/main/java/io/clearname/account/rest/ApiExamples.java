package io.clearname.account.rest;

/**
 * Example bodies for the OpenAPI document (/q/openapi). The errors every operation shares (401, 403, 404, 400, 422,
 * 500) are added by service-kit's ProblemResponsesFilter; these are the bodies and errors particular to this service.
 */
final class ApiExamples {

    static final String REAL_NAME_VERIFIED = """
            {"status": "VERIFIED", "maskedName": "张*", "maskedIdNumber": "110***********1234",
             "verifiedAt": "2026-03-01T08:00:00Z", "documents": ["ID_CARD_FRONT", "ID_CARD_BACK"], "activeRequestId": null}""";

    static final String BIND_REAL_NAME = """
            {"legalName": "张三", "idNumber": "11010519491231002X",
             "documents": [{"category": "ID_CARD_FRONT", "reference": "obj://id-images/3f2a9c"}]}""";

    static final String INVALID_ID_NUMBER = """
            {"type": "https://clearname.io/problems/validation-failed", "title": "The request has invalid fields",
             "status": 422, "detail": "Invalid fields: idNumber", "errors": [{"field": "idNumber",
             "message": "must be an 18-character national ID number with a valid birth date and check digit"}]}""";

    static final String CLEARING_ACTIVE = """
            {"type": "https://clearname.io/problems/clearing-active",
             "title": "A clearing request is already active for this account", "status": 409,
             "detail": "The real name cannot change while a clearing request is active.",
             "blockers": [{"code": "ACTIVE_REQUEST", "message": "A clearing request is in progress.",
             "resolution": "Wait for its outcome or withdraw it."}]}""";

    static final String PREFLIGHT = """
            {"language": "en", "eligible": false,
             "blockers": [{"code": "WALLET_BALANCE", "message": "The wallet holds 12.50 CNY.",
                           "resolution": "Spend or withdraw the wallet balance first."},
                          {"code": "LEGAL_HOLD", "message": "The account is under a legal hold.",
                           "resolution": "Contact customer service to learn why and when the hold ends; the real name cannot be cleared while it lasts."}],
             "consequences": [{"code": "VIP_LOST", "detail": "VIP membership ends at once: 41 paid days are lost."},
                              {"code": "CLOUD_STORAGE_UNCOVERED", "detail": "3 GB in cloud storage will no longer be covered by the 50 GB plan."},
                              {"code": "REAL_NAME_SERVICES", "detail": "These services need a verified real name and stop until you verify again: payments, wallet top-up, adult play time in games."}],
             "backupReminder": "Back up important account information, such as contacts and photos, before clearing: once cleared it cannot be recovered.",
             "notifyAt": {"phone": "+86 138****0000", "email": "z***@example.com"},
             "requiredAcknowledgements": ["BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"],
             "acknowledgements": [
               {"code": "BACKUP_DONE", "text": "I have backed up important account information, such as contacts and photos; once cleared it cannot be recovered."},
               {"code": "ENTITLEMENTS_LOST", "text": "I understand I lose all rights and privileges tied to the real name, including cloud storage space and VIP membership."},
               {"code": "CONTACT_CORRECT", "text": "My phone number and email address are correct (notices go to +86 138****0000 and z***@example.com)."}],
             "expectedDecisionBy": "2026-03-17T09:15:30Z",
             "lastExportAt": "2026-03-01T18:02:11.052Z"}""";

    static final String SUBMIT = """
            {"acknowledgements": ["BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"], "reason": "Changing phones"}""";

    static final String SUBMITTED = """
            {"requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118", "status": "SUBMITTED",
             "expectedDecisionBy": "2026-03-17T09:15:30Z"}""";

    static final String CLEARING_BLOCKED = """
            {"type": "https://clearname.io/problems/clearing-blocked", "title": "The real name cannot be cleared now",
             "status": 409, "detail": "Resolve the blockers first.",
             "blockers": [{"code": "OUTSTANDING_CREDIT", "message": "You owe 200.00 on credit.",
                           "resolution": "Repay the outstanding credit."}]}""";

    static final String ACKNOWLEDGEMENTS_MISSING = """
            {"type": "https://clearname.io/problems/acknowledgements-missing",
             "title": "Every acknowledgement is required to submit", "status": 422,
             "detail": "Confirm every acknowledgement.", "missing": ["CONTACT_CORRECT"]}""";

    static final String KEY_REUSED = """
            {"type": "https://clearname.io/problems/idempotency-key-reused",
             "title": "The Idempotency-Key was already used with a different request", "status": 422,
             "detail": "Use a new Idempotency-Key for a different request."}""";

    static final String KEY_REQUIRED = """
            {"type": "https://clearname.io/problems/idempotency-key-required",
             "title": "The Idempotency-Key header is required", "status": 400,
             "detail": "Send an Idempotency-Key header, e.g. a UUID."}""";

    static final String REQUEST = """
            {"requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118", "status": "CLEARED",
             "submittedAt": "2026-03-02T09:15:30Z", "expectedDecisionBy": "2026-03-17T09:15:30Z",
             "coolingOffEndsAt": "2026-03-03T09:15:34Z", "concludedAt": "2026-03-03T09:15:35Z",
             "reasons": [], "decisionMessage": null,
             "timeline": [{"at": "2026-03-02T09:15:30Z", "type": "SUBMITTED", "detail": "Request received"},
                          {"at": "2026-03-02T09:15:34Z", "type": "APPROVED", "detail": "Approved by the automatic audit"},
                          {"at": "2026-03-03T09:15:35Z", "type": "CLEARED", "detail": "Real name erased"},
                          {"at": "2026-03-03T09:15:37Z", "type": "USER_NOTIFIED", "detail": "EMAIL DELIVERED after 1 attempt(s)"}],
             "erasureReceipt": [
               {"category": "LEGAL_NAME", "outcome": "REMOVED", "detail": "The encrypted legal name was deleted (1 record).",
                "service": "account-service", "retainedFor": null, "until": null, "doneAt": null},
               {"category": "DATA_KEY", "outcome": "REMOVED",
                "detail": "The data key that encrypted the legal name, ID number and document references was destroyed at 2026-03-03T09:15:36Z: backups of the ciphertext can no longer be read.",
                "service": "account-service", "retainedFor": null, "until": null, "doneAt": "2026-03-03T09:15:36Z"},
               {"category": "ID_DOCUMENT_IMAGES", "outcome": "SCHEDULED",
                "detail": "Deletion of 2 ID document image(s) requested from the image store at 2026-03-03T09:15:35Z by the IdDocumentsReleased event; the image store deletes them.",
                "service": "image-store", "retainedFor": null, "until": null, "doneAt": null},
               {"category": "VIP", "outcome": "REVOKED",
                "detail": "VIP membership cancelled: 41 paid day(s) lost, auto-renewal cancelled, nothing will be charged again. Billing and membership were told (EntitlementsRevoked event).",
                "service": "account-service", "retainedFor": null, "until": null, "doneAt": null},
               {"category": "ID_FINGERPRINT", "outcome": "RETAINED",
                "detail": "A keyed HMAC fingerprint of the ID number, which cannot be turned back into the number, is kept by the audit for 365 days to apply the rule against clearing one identity repeatedly.",
                "service": "verification-service", "retainedFor": "P365D", "until": "2027-03-03T09:15:35Z", "doneAt": null},
               {"category": "CLEARING_RECORD", "outcome": "RETAINED",
                "detail": "This request, its timeline and this receipt are kept, without personal data, to account for the clearing.",
                "service": "account-service", "retainedFor": null, "until": null, "doneAt": null}],
             "revocations": [{"entitlement": "VIP", "paidUntil": "2026-04-13T00:00:00Z", "autoRenewCancelled": true,
                              "quotaBytes": 0, "usedBytes": 0, "revokedAt": "2026-03-03T09:15:35Z"}]}""";

    static final String REJECTED = """
            {"requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118", "status": "REJECTED",
             "submittedAt": "2026-03-02T09:15:30Z", "expectedDecisionBy": "2026-03-17T09:15:30Z",
             "coolingOffEndsAt": null, "concludedAt": "2026-03-02T09:15:34Z",
             "reasons": [{"code": "VELOCITY", "finality": "RETRY",
                          "text": "Too many clearing requests were made from this account in the last 24 hours."}],
             "decisionMessage": null,
             "timeline": [{"at": "2026-03-02T09:15:30Z", "type": "SUBMITTED", "detail": "Request received"},
                          {"at": "2026-03-02T09:15:34Z", "type": "REJECTED", "detail": "VELOCITY"}],
             "erasureReceipt": [], "revocations": []}""";

    static final String NOT_WITHDRAWABLE = """
            {"type": "https://clearname.io/problems/not-withdrawable",
             "title": "The clearing request can no longer be withdrawn", "status": 409,
             "detail": "The request has concluded (CLEARED) and can no longer be withdrawn.",
             "requestStatus": "CLEARED"}""";

    static final String ACCOUNT_REQUEST = """
            {"phone": "+8613800000000", "email": "zhang@example.com", "locale": "zh-CN",
             "realName": {"legalName": "张三", "idNumber": "11010519491231002X", "verifiedAt": "2025-01-10T08:00:00Z"},
             "vip": {"paid": true, "expiresAt": "2026-12-31T00:00:00Z", "autoRenew": false},
             "cloudStorage": {"quotaBytes": 53687091200, "usedBytes": 3221225472},
             "walletBalanceCents": 0, "outstandingCreditCents": 0, "restrictions": [],
             "lastSecurityChangeAt": "2025-06-01T00:00:00Z"}""";

    static final String ACCOUNT = """
            {"id": "ab101f97-24fd-42f9-851b-8601a8d1c9c0", "phone": "+8613800000000", "email": "zhang@example.com",
             "locale": "zh-CN", "createdAt": "2019-06-11T03:20:00Z",
             "realName": {"status": "VERIFIED", "maskedName": "张*", "maskedIdNumber": "110***********002X",
                          "verifiedAt": "2025-01-10T08:00:00Z", "documents": [], "activeRequestId": null},
             "vip": {"paid": true, "expiresAt": "2026-12-31T00:00:00Z", "autoRenew": false},
             "cloudStorage": {"quotaBytes": 53687091200, "usedBytes": 3221225472},
             "walletBalanceCents": 0, "outstandingCreditCents": 0, "restrictions": [],
             "lastSecurityChangeAt": "2025-06-01T00:00:00Z"}""";

    static final String WITHDRAWN = """
            {"requestId": "4e2fb4de-b2cd-49c8-88d2-e043cc448118", "status": "WITHDRAWN",
             "submittedAt": "2026-03-02T09:15:30Z", "expectedDecisionBy": "2026-03-17T09:15:30Z",
             "coolingOffEndsAt": "2026-03-03T09:15:34Z", "concludedAt": "2026-03-02T18:00:00Z",
             "reasons": [], "decisionMessage": null,
             "timeline": [{"at": "2026-03-02T09:15:30Z", "type": "SUBMITTED", "detail": "Request received"},
                          {"at": "2026-03-02T09:15:34Z", "type": "APPROVED", "detail": "Approved by the automatic audit"},
                          {"at": "2026-03-02T18:00:00Z", "type": "WITHDRAWN", "detail": "You withdrew the request; your real name is kept"}],
             "erasureReceipt": [], "revocations": []}""";

    static final String STALE_AUTH = """
            {"type": "https://clearname.io/problems/insufficient-user-authentication",
             "title": "A more recent sign-in is required for this action", "status": 401,
             "detail": "Sign in again: this action needs a sign-in within the last 300 seconds.", "maxAge": 300}""";

    static final String RATE_LIMITED = """
            {"type": "https://clearname.io/problems/rate-limited",
             "title": "Too many requests of this kind; retry after the time given", "status": 429,
             "detail": "At most 5 per 60 minutes; retry after 1260 seconds.", "retryAfter": 1260}""";

    static final String EXPORT = """
            {"format": "clearname-export/1", "exportId": "0b8f3f7e-5c1a-4a57-9a43-2f0d3c0e9b21",
             "exportedAt": "2026-03-02T09:10:00Z", "accountId": "ab101f97-24fd-42f9-851b-8601a8d1c9c0",
             "about": "Everything clearname keeps about your account, as of the time of this export: ...",
             "account": {"phone": "+8613800000000", "email": "zhang@example.com", "locale": "zh-CN",
                         "createdAt": "2019-06-11T03:20:00Z"},
             "realName": {"status": "VERIFIED", "legalName": "张三", "idNumber": "11010519491231002X",
                          "verifiedAt": "2025-01-10T08:00:00Z"},
             "documents": [{"documentId": "5d7c2a9e-0f57-4b8e-9f0c-7c1f5d3e2a10", "category": "ID_FRONT",
                            "addedAt": "2025-01-10T08:00:00Z", "storageReference": "images/2025/01/front.jpg"}],
             "entitlements": {"vip": {"paid": true, "expiresAt": "2026-12-31T00:00:00Z", "autoRenew": false},
                              "cloudStorage": {"quotaBytes": 53687091200, "usedBytes": 3221225472},
                              "walletBalanceCents": 0, "outstandingCreditCents": 0},
             "requests": [],
             "notices": []}""";

    static final String EXPORTS = """
            [{"exportId": "0b8f3f7e-5c1a-4a57-9a43-2f0d3c0e9b21", "exportedAt": "2026-03-02T09:10:00Z",
              "sizeBytes": 1843, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}]""";

    static final String EXPORT_RATE_LIMITED = """
            {"type": "https://clearname.io/problems/export-rate-limited",
             "title": "Too many data exports of this account; retry after the time given", "status": 429,
             "detail": "At most 5 exports in 24 hours; retry after 51840 seconds.", "retryAfter": 51840}""";

    private ApiExamples() {}
}
