package io.clearname.verification.rest;

import io.clearname.events.AuditCompleted.Decision;
import io.clearname.verification.service.Locales;
import io.clearname.verification.service.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Manual review, for role {@code reviewer}. The case id is the request id. The reviewer is the token's {@code sub}.
 */
@Path("/api/v1/review")
@RolesAllowed("reviewer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ReviewResource {

    private final ReviewService reviews;
    private final CurrentReviewer reviewer;

    public ReviewResource(ReviewService reviews, CurrentReviewer reviewer) {
        this.reviews = reviews;
        this.reviewer = reviewer;
    }

    @GET
    @Path("/cases")
    @Operation(
            summary = "The review queue",
            description = "Open cases (state IN_REVIEW) by default, highest priority first, then the earliest due"
                    + " date. Paged with page (from 0) and size (1 to 100, default 20).")
    @APIResponse(
            responseCode = "200",
            description = "One page of cases",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseListView.class),
                            examples = @ExampleObject(name = "queue", value = Examples.CASE_LIST)))
    @APIResponse(
            responseCode = "422",
            description = "A query parameter has a value it cannot have",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "bad state", value = Examples.LIST_INVALID)))
    public CaseListView list(
            @Parameter(description = "IN_REVIEW (default), DECIDED, WITHDRAWN or ALL", example = "IN_REVIEW")
                    @QueryParam("state")
                    String state,
            @Parameter(description = "priority (default), due or created", example = "priority") @QueryParam("sort")
                    String sort,
            @Parameter(description = "NORMAL, HIGH or URGENT") @QueryParam("priority") String priority,
            @Parameter(description = "a reviewer id, or none for unassigned cases", example = "none")
                    @QueryParam("assignee")
                    String assignee,
            @Parameter(description = "true: past the at-risk mark") @QueryParam("escalated") String escalated,
            @Parameter(description = "true: past the due date") @QueryParam("breached") String breached,
            @Parameter(description = "only this account's cases") @QueryParam("accountId") String accountId,
            @Parameter(description = "page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "cases per page, 1 to 100", example = "20") @QueryParam("size") String size) {
        var query = CaseQuery.parse(state, sort, priority, assignee, escalated, breached, accountId, page, size);
        return CaseViews.caseList(reviews.list(query.filter(), query.sort(), query.page(), query.size()));
    }

    @GET
    @Path("/cases/{id}")
    @Operation(
            summary = "One case",
            description = "The request's audit facts, every rule's result, the decision with its internal note, every"
                    + " action (who, when, what) and every complaint.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseView.class),
                            examples = @ExampleObject(name = "decided case", value = Examples.CASE)))
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.CASE_NOT_FOUND)))
    public CaseView get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.caseView(reviews.get(id), language(acceptLanguage));
    }

    @POST
    @Path("/cases/{id}/assignment")
    @Operation(
            summary = "Claim a case",
            description = "One reviewer at a time: 409 while another holds it; claiming it again is fine.")
    @APIResponse(
            responseCode = "200",
            description = "The caller holds the case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseView.class),
                            examples = @ExampleObject(name = "case", value = Examples.CASE)))
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.CASE_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Another reviewer holds the case, or it is decided or withdrawn",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "held by another", value = Examples.CASE_ASSIGNED),
                                @ExampleObject(name = "not open", value = Examples.CASE_NOT_OPEN)
                            }))
    public CaseView assign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.caseView(reviews.assign(reviewer.id(), id), language(acceptLanguage));
    }

    @DELETE
    @Path("/cases/{id}/assignment")
    @Operation(
            summary = "Release a case",
            description = "Back to the queue. Only the holder may release it; releasing a free case is fine.")
    @APIResponse(
            responseCode = "200",
            description = "Nobody holds the case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseView.class),
                            examples = @ExampleObject(name = "case", value = Examples.CASE)))
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.CASE_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Another reviewer holds the case, or it is decided or withdrawn",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "held by another", value = Examples.CASE_ASSIGNED),
                                @ExampleObject(name = "not open", value = Examples.CASE_NOT_OPEN)
                            }))
    public CaseView release(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.caseView(reviews.release(reviewer.id(), id), language(acceptLanguage));
    }

    @POST
    @Path("/cases/{id}/decision")
    @Operation(
            summary = "Decide a case",
            description = "Publishes AuditCompleted with decidedBy = the reviewer id. Deciding a case nobody holds"
                    + " claims it first; a case another reviewer holds, or a decided or withdrawn one, is refused"
                    + " (409). Reason codes come from GET /api/v1/review/reason-codes: at least one to reject, none"
                    + " to approve. Without a userMessage the person reads the reasons' texts in their language."
                    + " The internalNote stays with reviewers.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecideCaseRequest.class),
                            examples = {
                                @ExampleObject(name = "reject", value = Examples.DECIDE_REJECT),
                                @ExampleObject(name = "approve", value = Examples.DECIDE_APPROVE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "Decided",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseView.class),
                            examples = @ExampleObject(name = "decided case", value = Examples.CASE)))
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.CASE_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Another reviewer holds the case, or it is decided or withdrawn",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "held by another", value = Examples.CASE_ASSIGNED),
                                @ExampleObject(name = "already decided", value = Examples.CASE_NOT_OPEN)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "An unknown reason code, a rejection without reasons, an approval with reasons, or a field"
                    + " too long",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "unknown reason code", value = Examples.DECISION_INVALID)))
    public CaseView decide(
            @PathParam("id") UUID id,
            @NotNull @Valid DecideCaseRequest body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var verdict = new ReviewService.Verdict(
                Decision.valueOf(body.decision()), body.reasonCodes(), body.userMessage(), body.internalNote());
        return CaseViews.caseView(reviews.decide(reviewer.id(), id, verdict), language(acceptLanguage));
    }

    @GET
    @Path("/reason-codes")
    @Operation(
            summary = "The reason-code catalogue",
            description = "Every code a decision may carry, its finality and the text the person reads, in English and"
                    + " Simplified Chinese.")
    @APIResponse(
            responseCode = "200",
            description = "The catalogue",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "catalogue (excerpt)", value = Examples.REASON_CODES)))
    public List<ReasonCodeView> reasonCodes() {
        return reviews.reasonCodes().stream().map(CaseViews::reasonCode).toList();
    }

    /** Reviewers read reason texts in their own language, English by default. */
    private static String language(String acceptLanguage) {
        return Locales.pick(acceptLanguage, "en");
    }
}
