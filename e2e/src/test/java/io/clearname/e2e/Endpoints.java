package io.clearname.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every operation of the three services' APIs, as a row of the security matrix: who may call it, and two calls with
 * real ids. The refused call aims at something a wrongly admitted caller would change (a request still in review, an
 * open case, an open dead letter); the control is the right caller's call, which must get past authentication, role
 * and ownership and answer as the API documents, changing nothing where the operation writes (a concluded request, a
 * decided case, a discarded dead letter, an idempotent replay).
 */
final class Endpoints {

    static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    /** The roles of the review queue, cases and appeals: reviewers and their leads. */
    private static final String REVIEWERS = "reviewer,reviewer-lead";

    /** The roles that read and answer complaints and read appeals: reviewers, their leads and customer service. */
    private static final String COMPLAINT_DESK = "reviewer,reviewer-lead,support";

    /** Who an operation's data belongs to: the caller's own (under {@code /me}), a named account's, or staff's. */
    enum Owner {
        CALLER,
        VICTIM,
        STAFF
    }

    /**
     * A call: path, JSON body or null, extra headers; for controls the status it answers, the problem type (after
     * {@code problems/}) when it is an error, and an id its body must show when the answer is about real things.
     */
    record Call(String path, String body, Map<String, String> headers, int status, String problemType, String shows) {

        Call showing(Object id) {
            return new Call(path, body, headers, status, problemType, id.toString());
        }
    }

    /**
     * @param template the path as the service's OpenAPI document writes it
     * @param role the roles the operation takes, comma-separated; the first one makes the control call
     * @param recentSignIn whether the operation needs a sign-in within the last 300 s
     */
    record Endpoint(
            Service service,
            String method,
            String template,
            String role,
            Owner owner,
            boolean recentSignIn,
            Call refused,
            Call control) {

        /** The role of the control call. */
        String mainRole() {
            return role.split(",")[0];
        }

        boolean takes(String someRole) {
            return List.of(role.split(",")).contains(someRole);
        }

        @Override
        public String toString() {
            return method + " " + service + template;
        }
    }

    /**
     * The real things the calls aim at.
     *
     * @param victim the account that owns both requests
     * @param cleared a CLEARED request of the victim's, its case decided
     * @param inReview a SUBMITTED request of the victim's, its case IN_REVIEW and unassigned
     * @param complaint a complaint of the victim's on {@code inReview}, filed with {@code complaintKey} and
     *     {@code complaintBody}
     * @param openDeadLetters an OPEN dead letter of each service
     * @param discardedDeadLetters a DISCARDED dead letter of each service
     * @param openAppeal an OPEN appeal of a request that {@code e2e-reviewer} rejected, nobody holding it
     * @param openAppealComplaint the complaint that opened it
     * @param decidedAppeal a DECIDED appeal
     */
    record Ids(
            UUID victim,
            UUID cleared,
            UUID inReview,
            UUID complaint,
            String complaintKey,
            String complaintBody,
            Map<Service, String> openDeadLetters,
            Map<Service, String> discardedDeadLetters,
            UUID openAppeal,
            UUID openAppealComplaint,
            UUID decidedAppeal) {}

    private Endpoints() {}

    static List<Endpoint> all(Ids ids, String newName, String newIdNumber, String newPhone) {
        String p = ids.inReview().toString();
        String r = ids.cleared().toString();
        String account = ids.victim().toString();
        String bind = "{\"legalName\": \"" + newName + "\", \"idNumber\": \"" + newIdNumber + "\"}";
        String acknowledged = "{\"acknowledgements\": [\"BACKUP_DONE\", \"ENTITLEMENTS_LOST\", \"CONTACT_CORRECT\"]}";
        String newAccount = "{\"phone\": \"" + newPhone + "\", \"email\": \"matrix-" + UUID.randomUUID()
                + "@example.com\", \"locale\": \"en\"}";
        String decision =
                "{\"decision\": \"REJECTED\", \"reasonCodes\": [\"SUSPECTED_MISUSE\"], \"userMessage\": \"x\"}";
        String me = "/api/v1/me/clearing-requests/";
        String cases = "/api/v1/review/cases/";
        String complaints = "/api/v1/review/complaints";
        String appeals = "/api/v1/review/appeals";
        String reassign = "{\"reviewerId\": \"reviewer-elsewhere\"}";
        String answerBody = "{\"message\": \"We are looking into it.\"}";
        String appealDecision = "{\"outcome\": \"OVERTURNED\"}";
        Service a = Service.ACCOUNT;
        Service v = Service.VERIFICATION;
        Service n = Service.NOTIFICATION;
        var rows = new ArrayList<>(List.of(
                new Endpoint(
                        a,
                        "GET",
                        "/api/v1/me/real-name",
                        "user",
                        Owner.CALLER,
                        false,
                        get("/api/v1/me/real-name"),
                        ok("/api/v1/me/real-name")),
                // A real name cannot be bound while a clearing is active: 409, nothing bound.
                new Endpoint(
                        a,
                        "PUT",
                        "/api/v1/me/real-name",
                        "user",
                        Owner.CALLER,
                        false,
                        call("/api/v1/me/real-name", bind),
                        answer("/api/v1/me/real-name", bind, 409, "clearing-active")),
                new Endpoint(
                        a,
                        "GET",
                        "/api/v1/me/real-name/clearing/preflight",
                        "user",
                        Owner.CALLER,
                        false,
                        get("/api/v1/me/real-name/clearing/preflight"),
                        ok("/api/v1/me/real-name/clearing/preflight")),
                // One request is active: 409, after authentication, role and the recent sign-in passed.
                new Endpoint(
                        a,
                        "POST",
                        "/api/v1/me/real-name/clearing",
                        "user",
                        Owner.CALLER,
                        true,
                        call("/api/v1/me/real-name/clearing", acknowledged),
                        answer("/api/v1/me/real-name/clearing", acknowledged, 409, "clearing-active")),
                new Endpoint(
                        a,
                        "GET",
                        "/api/v1/me/clearing-requests",
                        "user",
                        Owner.CALLER,
                        false,
                        get("/api/v1/me/clearing-requests"),
                        ok("/api/v1/me/clearing-requests").showing(r)),
                new Endpoint(
                        a,
                        "GET",
                        me + "{id}",
                        "user",
                        Owner.VICTIM,
                        false,
                        get(me + p),
                        ok(me + p).showing(p)),
                new Endpoint(
                        a,
                        "POST",
                        me + "{id}/withdrawal",
                        "user",
                        Owner.VICTIM,
                        true,
                        call(me + p + "/withdrawal", null),
                        answer(me + r + "/withdrawal", null, 409, "not-withdrawable")),
                new Endpoint(
                        a,
                        "POST",
                        "/api/v1/admin/accounts",
                        "support",
                        Owner.STAFF,
                        false,
                        call("/api/v1/admin/accounts", newAccount),
                        answer("/api/v1/admin/accounts", newAccount, 201, null)),
                new Endpoint(
                        a,
                        "GET",
                        "/api/v1/admin/accounts/{id}",
                        "support",
                        Owner.STAFF,
                        false,
                        get("/api/v1/admin/accounts/" + account),
                        ok("/api/v1/admin/accounts/" + account).showing(account)),
                new Endpoint(
                        a,
                        "PATCH",
                        "/api/v1/admin/accounts/{id}",
                        "support",
                        Owner.STAFF,
                        false,
                        call("/api/v1/admin/accounts/" + account, "{\"restrictions\": [\"LEGAL_HOLD\"]}"),
                        answer("/api/v1/admin/accounts/" + account, "{}", 200, null)),
                new Endpoint(
                        v,
                        "GET",
                        me + "{requestId}/audit",
                        "user",
                        Owner.VICTIM,
                        false,
                        get(me + p + "/audit"),
                        ok(me + p + "/audit").showing(p)),
                // The control replays the complaint filed before (same key, same body): 201, nothing new stored.
                new Endpoint(
                        v,
                        "POST",
                        me + "{requestId}/complaints",
                        "user",
                        Owner.VICTIM,
                        false,
                        call(me + p + "/complaints", "{\"message\": \"Why is this taking so long?\"}"),
                        new Call(
                                me + p + "/complaints",
                                ids.complaintBody(),
                                Map.of("Idempotency-Key", ids.complaintKey()),
                                201,
                                null,
                                ids.complaint().toString())),
                new Endpoint(
                        v,
                        "GET",
                        me + "{requestId}/complaints",
                        "user",
                        Owner.VICTIM,
                        false,
                        get(me + p + "/complaints"),
                        ok(me + p + "/complaints").showing(ids.complaint())),
                new Endpoint(
                        v,
                        "GET",
                        me + "{requestId}/complaints/{complaintId}",
                        "user",
                        Owner.VICTIM,
                        false,
                        get(me + p + "/complaints/" + ids.complaint()),
                        ok(me + p + "/complaints/" + ids.complaint()).showing(ids.complaint())),
                new Endpoint(
                        v,
                        "GET",
                        "/api/v1/review/cases",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        get("/api/v1/review/cases?state=ALL"),
                        ok("/api/v1/review/cases?state=ALL&size=100").showing(p)),
                new Endpoint(
                        v,
                        "GET",
                        cases + "{id}",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        get(cases + p),
                        ok(cases + p).showing(p)),
                // Assignment, release and decision of the decided case: 409 case-not-open, nothing changes.
                new Endpoint(
                        v,
                        "POST",
                        cases + "{id}/assignment",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        call(cases + p + "/assignment", null),
                        answer(cases + r + "/assignment", null, 409, "case-not-open")),
                new Endpoint(
                        v,
                        "DELETE",
                        cases + "{id}/assignment",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        call(cases + p + "/assignment", null),
                        answer(cases + r + "/assignment", null, 409, "case-not-open")),
                new Endpoint(
                        v,
                        "POST",
                        cases + "{id}/decision",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        call(cases + p + "/decision", decision),
                        answer(cases + r + "/decision", decision, 409, "case-not-open")),
                new Endpoint(
                        v,
                        "GET",
                        "/api/v1/review/reason-codes",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        get("/api/v1/review/reason-codes"),
                        ok("/api/v1/review/reason-codes")),
                new Endpoint(
                        a,
                        "GET",
                        "/api/v1/me/export",
                        "user",
                        Owner.CALLER,
                        true,
                        get("/api/v1/me/export"),
                        ok("/api/v1/me/export").showing(account)),
                new Endpoint(
                        a,
                        "GET",
                        "/api/v1/me/exports",
                        "user",
                        Owner.CALLER,
                        false,
                        get("/api/v1/me/exports"),
                        ok("/api/v1/me/exports")),
                // A lead gives the open case to someone; the control aims at the decided one: 409 case-not-open.
                new Endpoint(
                        v,
                        "PUT",
                        cases + "{id}/assignee",
                        "reviewer-lead",
                        Owner.STAFF,
                        false,
                        call(cases + p + "/assignee", reassign),
                        answer(cases + r + "/assignee", reassign, 409, "case-not-open")),
                new Endpoint(
                        v,
                        "GET",
                        complaints,
                        COMPLAINT_DESK,
                        Owner.STAFF,
                        false,
                        get(complaints + "?status=OPEN"),
                        ok(complaints + "?status=OPEN&limit=200").showing(ids.complaint())),
                new Endpoint(
                        v,
                        "GET",
                        complaints + "/{complaintId}",
                        COMPLAINT_DESK,
                        Owner.STAFF,
                        false,
                        get(complaints + "/" + ids.complaint()),
                        ok(complaints + "/" + ids.complaint()).showing(ids.complaint())),
                // An answer to the open escalation; the control answers the appeal's complaint: 409 appeal-pending.
                new Endpoint(
                        v,
                        "POST",
                        complaints + "/{complaintId}/answer",
                        COMPLAINT_DESK,
                        Owner.STAFF,
                        false,
                        call(complaints + "/" + ids.complaint() + "/answer", answerBody),
                        answer(
                                complaints + "/" + ids.openAppealComplaint() + "/answer",
                                answerBody,
                                409,
                                "appeal-pending")),
                new Endpoint(
                        v,
                        "GET",
                        appeals,
                        COMPLAINT_DESK,
                        Owner.STAFF,
                        false,
                        get(appeals + "?state=OPEN"),
                        ok(appeals + "?state=OPEN&limit=200").showing(ids.openAppeal())),
                new Endpoint(
                        v,
                        "GET",
                        appeals + "/{id}",
                        COMPLAINT_DESK,
                        Owner.STAFF,
                        false,
                        get(appeals + "/" + ids.openAppeal()),
                        ok(appeals + "/" + ids.openAppeal()).showing(ids.openAppeal())),
                // Claim, release, decision and reassignment of the open appeal; the controls aim at the decided one:
                // 409 appeal-decided, nothing changes.
                new Endpoint(
                        v,
                        "POST",
                        appeals + "/{id}/assignment",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        call(appeals + "/" + ids.openAppeal() + "/assignment", null),
                        answer(appeals + "/" + ids.decidedAppeal() + "/assignment", null, 409, "appeal-decided")),
                new Endpoint(
                        v,
                        "DELETE",
                        appeals + "/{id}/assignment",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        call(appeals + "/" + ids.openAppeal() + "/assignment", null),
                        answer(appeals + "/" + ids.decidedAppeal() + "/assignment", null, 409, "appeal-decided")),
                new Endpoint(
                        v,
                        "POST",
                        appeals + "/{id}/decision",
                        REVIEWERS,
                        Owner.STAFF,
                        false,
                        call(appeals + "/" + ids.openAppeal() + "/decision", appealDecision),
                        answer(
                                appeals + "/" + ids.decidedAppeal() + "/decision",
                                appealDecision,
                                409,
                                "appeal-decided")),
                new Endpoint(
                        v,
                        "PUT",
                        appeals + "/{id}/assignee",
                        "reviewer-lead",
                        Owner.STAFF,
                        false,
                        call(appeals + "/" + ids.openAppeal() + "/assignee", reassign),
                        answer(appeals + "/" + ids.decidedAppeal() + "/assignee", reassign, 409, "appeal-decided")),
                new Endpoint(
                        n,
                        "GET",
                        "/api/v1/me/notifications",
                        "user",
                        Owner.CALLER,
                        false,
                        get("/api/v1/me/notifications"),
                        ok("/api/v1/me/notifications").showing(p)),
                new Endpoint(
                        n,
                        "GET",
                        "/api/v1/notifications",
                        "support",
                        Owner.STAFF,
                        false,
                        get("/api/v1/notifications?requestId=" + p),
                        ok("/api/v1/notifications?requestId=" + p).showing(p))));
        for (Service service : Service.values()) {
            rows.addAll(deadLetters(
                    service,
                    ids.openDeadLetters().get(service),
                    ids.discardedDeadLetters().get(service)));
        }
        return rows;
    }

    /** The kit's dead-letter desk, which every service serves. */
    private static List<Endpoint> deadLetters(Service service, String open, String discarded) {
        String reason = "{\"reason\": \"no consumer can read it\"}";
        String one = DEAD_LETTERS + "/";
        return List.of(
                new Endpoint(
                        service,
                        "GET",
                        DEAD_LETTERS,
                        "support",
                        Owner.STAFF,
                        false,
                        get(DEAD_LETTERS + "?state=OPEN"),
                        ok(DEAD_LETTERS + "?state=OPEN&limit=500").showing(open)),
                new Endpoint(
                        service,
                        "GET",
                        one + "{id}",
                        "support",
                        Owner.STAFF,
                        false,
                        get(one + open),
                        ok(one + open).showing(open)),
                new Endpoint(
                        service,
                        "POST",
                        one + "{id}/redrive",
                        "support",
                        Owner.STAFF,
                        false,
                        call(one + open + "/redrive", null),
                        answer(one + discarded + "/redrive", null, 409, "dead-letter-resolved")),
                new Endpoint(
                        service,
                        "POST",
                        one + "{id}/discard",
                        "support",
                        Owner.STAFF,
                        false,
                        call(one + open + "/discard", reason),
                        answer(one + discarded + "/discard", reason, 409, "dead-letter-resolved")));
    }

    private static Call get(String path) {
        return call(path, null);
    }

    private static Call call(String path, String body) {
        return new Call(path, body, Map.of(), 0, null, null);
    }

    private static Call ok(String path) {
        return answer(path, null, 200, null);
    }

    private static Call answer(String path, String body, int status, String problemType) {
        return new Call(path, body, Map.of(), status, problemType, null);
    }
}
