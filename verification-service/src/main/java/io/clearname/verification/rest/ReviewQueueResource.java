package io.clearname.verification.rest;

import io.clearname.verification.service.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Manual review, for role {@code reviewer}: the queue and the reason-code catalogue. One case, its assignment and its
 * decision are {@link ReviewCaseResource}'s.
 */
@Path("/api/v1/review")
@RolesAllowed({"reviewer", "reviewer-lead"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ReviewQueueResource {

    private final ReviewService reviews;

    public ReviewQueueResource(ReviewService reviews) {
        this.reviews = reviews;
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
            @Parameter(description = "IN_REVIEW (default), DECIDED, WITHDRAWN, CONCLUDED or ALL", example = "IN_REVIEW")
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
}
