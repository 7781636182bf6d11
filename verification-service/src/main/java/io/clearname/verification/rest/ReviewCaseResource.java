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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One case under manual review, for roles {@code reviewer} and {@code reviewer-lead}: read it, claim it, release it,
 * decide it; a lead also gives it to a reviewer. The case id is the
 * request id. The reviewer is the token's {@code sub}. The queue is {@link ReviewQueueResource}'s.
 */
@Path("/api/v1/review/cases/{id}")
@RolesAllowed({"reviewer", "reviewer-lead"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ReviewCaseResource {

    private final ReviewService reviews;
    private final CurrentReviewer reviewer;

    public ReviewCaseResource(ReviewService reviews, CurrentReviewer reviewer) {
        this.reviews = reviews;
        this.reviewer = reviewer;
    }

    @GET
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
    @Path("/assignment")
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
    @Path("/assignment")
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
    @Path("/decision")
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

    @PUT
    @Path("/assignee")
    @RolesAllowed("reviewer-lead")
    @Operation(
            summary = "Give a case to a reviewer",
            description = "For leads: whoever holds it now. Recorded in the case's history (REASSIGNED, from whom to"
                    + " whom, the lead as actor).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReassignRequest.class),
                            examples = @ExampleObject(name = "reassign", value = Examples.REASSIGN)))
    @APIResponse(
            responseCode = "200",
            description = "The reviewer holds the case",
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
            description = "The case is decided or closed",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not open", value = Examples.CASE_NOT_OPEN)))
    @APIResponse(
            responseCode = "422",
            description = "No reviewer named, or a field too long",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "no reviewer", value = Examples.REASSIGN_INVALID)))
    public CaseView reassign(
            @PathParam("id") UUID id,
            @NotNull @Valid ReassignRequest body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.caseView(
                reviews.reassign(reviewer.id(), id, body.reviewerId().strip(), body.note()), language(acceptLanguage));
    }

    /** Reviewers read reason texts in their own language, English by default. */
    private static String language(String acceptLanguage) {
        return Locales.pick(acceptLanguage, "en");
    }
}
