package io.clearname.verification.rest;

import io.clearname.events.AppealDecided.Outcome;
import io.clearname.verification.entity.AppealState;
import io.clearname.verification.service.AppealService;
import io.clearname.verification.service.Locales;
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
 * Appeals, the second review of a rejected request: read by reviewers, leads and support; claimed, released and
 * decided by reviewers other than the first decider; reassigned by leads. The reviewer is the token's {@code sub}.
 */
@Path("/api/v1/review/appeals")
@RolesAllowed({"reviewer", "reviewer-lead", "support"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals")
public class ReviewAppealResource {

    private final AppealService appeals;
    private final CurrentReviewer reviewer;

    public ReviewAppealResource(AppealService appeals, CurrentReviewer reviewer) {
        this.appeals = appeals;
        this.reviewer = reviewer;
    }

    @GET
    @Operation(summary = "The appeals", description = "Oldest due first.")
    @APIResponse(
            responseCode = "200",
            description = "The appeals",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "appeals", value = Examples.APPEALS)))
    @APIResponse(
            responseCode = "422",
            description = "A parameter the service does not know, named in errors",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "unknown state", value = Examples.COMPLAINT_LIST_INVALID)))
    public List<AppealSummary> list(
            @Parameter(description = "OPEN or DECIDED; all when absent", example = "OPEN") @QueryParam("state")
                    String state,
            @Parameter(description = "at most this many, 1 to 200 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        var theState = StaffQuery.choice("state", state, AppealState.class);
        return appeals.list(theState, StaffQuery.limit(limit)).stream()
                .map(CaseViews::appealSummary)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One appeal",
            description = "The person's appeal (masked), the first decision with its reasons, message, reviewer and"
                    + " the case's rule results, and the second decision once made.")
    @APIResponse(
            responseCode = "200",
            description = "The appeal",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppealView.class),
                            examples = @ExampleObject(name = "overturned", value = Examples.APPEAL)))
    @APIResponse(
            responseCode = "404",
            description = "No such appeal",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.APPEAL_NOT_FOUND)))
    public AppealView get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.appealView(appeals.get(id), language(acceptLanguage));
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({"reviewer", "reviewer-lead"})
    @Operation(
            summary = "Claim an appeal",
            description = "One reviewer at a time, never the one who made the first decision (anyone may when it was"
                    + " automatic); claiming it again is fine.")
    @APIResponse(
            responseCode = "200",
            description = "The caller holds the appeal",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppealView.class),
                            examples = @ExampleObject(name = "appeal", value = Examples.APPEAL)))
    @APIResponse(
            responseCode = "404",
            description = "No such appeal",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.APPEAL_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The caller made the first decision, another reviewer holds the appeal, or it is decided",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "first decider", value = Examples.APPEAL_REVIEWER_CONFLICT),
                                @ExampleObject(name = "held by another", value = Examples.APPEAL_ASSIGNED),
                                @ExampleObject(name = "decided", value = Examples.APPEAL_DECIDED)
                            }))
    public AppealView assign(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.appealView(appeals.assign(reviewer.id(), id), language(acceptLanguage));
    }

    @DELETE
    @Path("/{id}/assignment")
    @RolesAllowed({"reviewer", "reviewer-lead"})
    @Operation(
            summary = "Release an appeal",
            description = "Back to the queue. Only the holder may release it; releasing a free appeal is fine.")
    @APIResponse(
            responseCode = "200",
            description = "Nobody holds the appeal",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppealView.class),
                            examples = @ExampleObject(name = "appeal", value = Examples.APPEAL)))
    @APIResponse(
            responseCode = "404",
            description = "No such appeal",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.APPEAL_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Another reviewer holds the appeal, or it is decided",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "held by another", value = Examples.APPEAL_ASSIGNED),
                                @ExampleObject(name = "decided", value = Examples.APPEAL_DECIDED)
                            }))
    public AppealView release(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.appealView(appeals.release(reviewer.id(), id), language(acceptLanguage));
    }

    @PUT
    @Path("/{id}/assignee")
    @RolesAllowed("reviewer-lead")
    @Operation(
            summary = "Give an appeal to a reviewer",
            description =
                    "For leads: whoever holds it now; never to the reviewer of the first decision. Recorded in the"
                            + " case's history with the lead as actor.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReassignRequest.class),
                            examples = @ExampleObject(name = "reassign", value = Examples.REASSIGN)))
    @APIResponse(
            responseCode = "200",
            description = "The reviewer holds the appeal",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppealView.class),
                            examples = @ExampleObject(name = "appeal", value = Examples.APPEAL)))
    @APIResponse(
            responseCode = "404",
            description = "No such appeal",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.APPEAL_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The reviewer made the first decision, or the appeal is decided",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "first decider", value = Examples.APPEAL_REVIEWER_CONFLICT),
                                @ExampleObject(name = "decided", value = Examples.APPEAL_DECIDED)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "No reviewer named, or a field too long",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "no reviewer", value = Examples.REASSIGN_INVALID)))
    public AppealView reassign(
            @PathParam("id") UUID id,
            @NotNull @Valid ReassignRequest body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return CaseViews.appealView(
                appeals.reassign(reviewer.id(), id, body.reviewerId().strip(), body.note()), language(acceptLanguage));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({"reviewer", "reviewer-lead"})
    @Operation(
            summary = "Decide an appeal",
            description = "Final. UPHELD: the rejection stands; OVERTURNED: the account's next request within the"
                    + " appeal window is not rejected for the first decision's reasons. Answers the appeal's complaint"
                    + " and tells the person (AppealDecided). Deciding an appeal nobody holds claims it.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecideAppealRequest.class),
                            examples = @ExampleObject(name = "overturn", value = Examples.DECIDE_APPEAL)))
    @APIResponse(
            responseCode = "200",
            description = "Decided",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppealView.class),
                            examples = @ExampleObject(name = "overturned", value = Examples.APPEAL)))
    @APIResponse(
            responseCode = "404",
            description = "No such appeal",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.APPEAL_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The caller made the first decision, another reviewer holds the appeal, or it is decided",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "first decider", value = Examples.APPEAL_REVIEWER_CONFLICT),
                                @ExampleObject(name = "held by another", value = Examples.APPEAL_ASSIGNED),
                                @ExampleObject(name = "decided", value = Examples.APPEAL_DECIDED)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "An unknown outcome, or a field too long",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "unknown outcome", value = Examples.APPEAL_INVALID)))
    public AppealView decide(
            @PathParam("id") UUID id,
            @NotNull @Valid DecideAppealRequest body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var ruling = new AppealService.Ruling(Outcome.valueOf(body.outcome()), body.userMessage(), body.internalNote());
        return CaseViews.appealView(appeals.decide(reviewer.id(), id, ruling), language(acceptLanguage));
    }

    /** Reviewers read reason texts in their own language, English by default. */
    private static String language(String acceptLanguage) {
        return Locales.pick(acceptLanguage, "en");
    }
}
