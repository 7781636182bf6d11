package io.clearname.account.rest;

import io.clearname.account.service.ClearingQueries;
import io.clearname.account.service.ClearingSubmission;
import io.clearname.account.service.Withdrawal;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.clearname.kit.ratelimit.RateLimited;
import io.clearname.kit.security.CurrentAccount;
import io.clearname.kit.security.RecentAuthenticationRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Submitting a clearing and following it. */
@Path("/api/v1/me")
@Tag(name = "Clearing", description = "Clearing the real name of the caller's account, and following the request")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClearingResource {

    private final ClearingSubmission submission;
    private final Withdrawal withdrawal;
    private final ClearingQueries queries;
    private final CurrentAccount me;

    public ClearingResource(
            ClearingSubmission submission, Withdrawal withdrawal, ClearingQueries queries, CurrentAccount me) {
        this.submission = submission;
        this.withdrawal = withdrawal;
        this.queries = queries;
        this.me = me;
    }

    @POST
    @Path("/real-name/clearing")
    @Operation(
            summary = "Ask to clear the caller's real name",
            description = "Needs every acknowledgement and an Idempotency-Key. A retry with the same key and body,"
                    + " even one sent at the same time, gets the first response again (status SUBMITTED, whatever the"
                    + " request's status now) with the header Idempotent-Replayed: true; the same key with another body"
                    + " is refused. One active request per account.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "submit", value = ApiExamples.SUBMIT)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the audit runs. Location points at the request. A retry with the same key and"
                    + " body gets this first answer again, with Idempotent-Replayed: true.",
            content = @Content(examples = @ExampleObject(name = "submitted", value = ApiExamples.SUBMITTED)))
    @APIResponse(
            responseCode = "400",
            description = "No Idempotency-Key header, or a body that is not JSON",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            name = "idempotency-key-required",
                                            value = ApiExamples.KEY_REQUIRED)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Blocked (e.g. wallet balance, outstanding credit, no verified real name) or a request is active",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = {
                                @ExampleObject(name = "clearing-blocked", value = ApiExamples.CLEARING_BLOCKED),
                                @ExampleObject(name = "clearing-active", value = ApiExamples.CLEARING_ACTIVE)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "An acknowledgement is missing, or the Idempotency-Key was used with another body",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = {
                                @ExampleObject(
                                        name = "acknowledgements-missing",
                                        value = ApiExamples.ACKNOWLEDGEMENTS_MISSING),
                                @ExampleObject(name = "idempotency-key-reused", value = ApiExamples.KEY_REUSED)
                            }))
    @APIResponse(
            responseCode = "401",
            description = "No valid token, or the person signed in longer ago than allowed: sign in again and retry",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            name = "insufficient-user-authentication",
                                            value = ApiExamples.STALE_AUTH)))
    @APIResponse(
            responseCode = "429",
            description = "Too many submissions from this account; retry after the time given",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)))
    @RecentAuthenticationRequired
    @RateLimited("clearing-submission")
    public Response submit(
            @HeaderParam("Idempotency-Key") @Size(max = 128) String idempotencyKey,
            @NotNull @Valid SubmitClearingRequest request,
            UriInfo uri) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ProblemException(
                    ProblemType.Common.IDEMPOTENCY_KEY_REQUIRED, "Send an Idempotency-Key header, e.g. a UUID.");
        }
        var accepted = submission.submit(me.id(), idempotencyKey, request.toForm());
        var response = Response.accepted(SubmissionView.of(accepted))
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/me/clearing-requests/{id}")
                        .build(accepted.requestId()));
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/real-name/clearing/preflight")
    @Operation(
            summary = "What clearing would mean for the caller",
            description = "Whether the caller may clear now, what blocks it and how to resolve it, what they will lose,"
                    + " where the notices go, the acknowledgements to give with their wording and the expected decision"
                    + " date. Texts are in the account's language unless lang asks for another.")
    @APIResponse(
            responseCode = "200",
            description = "The pre-flight check",
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "blocked by a wallet balance",
                                            value = ApiExamples.PREFLIGHT)))
    public PreflightView preflight(
            @QueryParam("lang")
                    @Parameter(
                            description = "The language of the texts: en or zh-CN; any other value or none means the"
                                    + " account's language. The answer's language field names the one used.",
                            example = "en")
                    String language) {
        return PreflightView.of(queries.preflight(me.id(), language));
    }

    @POST
    @Path("/clearing-requests/{id}/withdrawal")
    @Operation(
            summary = "Withdraw a clearing request",
            description = "Possible while SUBMITTED or APPROVED (during the cooling-off); the real name is kept.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn; the request as it is now",
            content = @Content(examples = @ExampleObject(name = "withdrawn", value = ApiExamples.WITHDRAWN)))
    @APIResponse(
            responseCode = "409",
            description = "The request has concluded",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "not-withdrawable", value = ApiExamples.NOT_WITHDRAWABLE)))
    @APIResponse(
            responseCode = "401",
            description = "No valid token, or the person signed in longer ago than allowed: sign in again and retry",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            name = "insufficient-user-authentication",
                                            value = ApiExamples.STALE_AUTH)))
    @APIResponse(
            responseCode = "429",
            description = "Too many withdrawals from this account; retry after the time given",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)))
    @RecentAuthenticationRequired
    @RateLimited("clearing-withdrawal")
    public ClearingRequestView withdraw(@PathParam("id") UUID id) {
        withdrawal.withdraw(me.id(), id);
        return ClearingRequestView.of(queries.get(me.id(), id));
    }

    @GET
    @Path("/clearing-requests")
    @Operation(summary = "The caller's clearing requests, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The requests with their timelines",
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "one cleared request",
                                            value = "[" + ApiExamples.REQUEST + "]")))
    public List<ClearingRequestView> list() {
        return queries.list(me.id()).stream().map(ClearingRequestView::of).toList();
    }

    @GET
    @Path("/clearing-requests/{id}")
    @Operation(
            summary = "One of the caller's clearing requests",
            description = "Status, timeline, reasons with their text, expected decision date, cooling-off end and the"
                    + " erasure receipt. Another account's request is 404.")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = {
                @Content(
                        examples = {
                            @ExampleObject(name = "cleared", value = ApiExamples.REQUEST),
                            @ExampleObject(name = "rejected", value = ApiExamples.REJECTED)
                        })
            })
    public ClearingRequestView get(@PathParam("id") UUID id) {
        return ClearingRequestView.of(queries.get(me.id(), id));
    }
}
