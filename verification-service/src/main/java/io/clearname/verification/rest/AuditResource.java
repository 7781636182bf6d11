package io.clearname.verification.rest;

import io.clearname.kit.ratelimit.RateLimited;
import io.clearname.kit.security.CurrentAccount;
import io.clearname.verification.service.ComplaintService;
import io.clearname.verification.service.Locales;
import io.clearname.verification.service.OwnerAudits;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The owner's side of the audit: its state, and complaints. Anyone else's request is 404, never 403. */
@Path("/api/v1/me/clearing-requests/{requestId}")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audit of my request")
public class AuditResource {

    private final OwnerAudits audits;
    private final ComplaintService complaints;
    private final CurrentAccount me;

    public AuditResource(OwnerAudits audits, ComplaintService complaints, CurrentAccount me) {
        this.audits = audits;
        this.complaints = complaints;
        this.me = me;
    }

    @GET
    @Path("/audit")
    @Operation(
            summary = "The audit of my clearing request",
            description = "State, decision with reasons (text in the Accept-Language, else the request's language),"
                    + " expected decision date, whether the case was escalated or is late, and my complaints.")
    @APIResponse(
            responseCode = "200",
            description = "The audit",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditView.class),
                            examples = {
                                @ExampleObject(name = "in review", value = Examples.AUDIT_IN_REVIEW),
                                @ExampleObject(name = "rejected", value = Examples.AUDIT_REJECTED)
                            }))
    @APIResponse(
            responseCode = "404",
            description = "No audit of this request for the caller",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public AuditView audit(
            @PathParam("requestId") UUID requestId,
            @Parameter(description = "Language of the reasons' text", example = "zh-CN")
                    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    String acceptLanguage) {
        var audit = audits.of(me.id(), requestId);
        // Reasons in the reader's language, else in the request's.
        return CaseViews.auditView(audit, Locales.pick(acceptLanguage, audit.auditCase().locale));
    }

    @POST
    @Path("/complaints")
    @Operation(
            summary = "Complain about the audit of my request",
            description = "On an undecided case the complaint raises its priority; on a decided or withdrawn one it is"
                    + " recorded as an appeal for customer service. Either way a receipt is sent to the person."
                    + " ID numbers, phone numbers and emails in the text are masked before it is stored. With an"
                    + " Idempotency-Key, a retry returns the first complaint (201 again, header"
                    + " Idempotent-Replayed: true).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileComplaintRequest.class),
                            examples = @ExampleObject(name = "complaint", value = Examples.FILE_COMPLAINT)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location names the complaint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComplaintView.class),
                            examples = @ExampleObject(name = "recorded", value = Examples.COMPLAINT)))
    @APIResponse(
            responseCode = "404",
            description = "No audit of this request for the caller",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(
            responseCode = "422",
            description = "Empty or longer than 2000 characters, or the Idempotency-Key was used for another complaint",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "too long", value = Examples.COMPLAINT_INVALID),
                                @ExampleObject(name = "key reused", value = Examples.KEY_REUSED)
                            }))
    @APIResponse(
            responseCode = "429",
            description = "Too many complaints from this account; retry after the time given",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "rate-limited", value = Examples.RATE_LIMITED)))
    @RateLimited("complaint")
    public Response complain(
            @PathParam("requestId") UUID requestId,
            @Parameter(description = "Optional; a retry with the same key returns the first complaint")
                    @HeaderParam("Idempotency-Key")
                    @Size(max = 128)
                    String idempotencyKey,
            @NotNull @Valid FileComplaintRequest body,
            UriInfo uri) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        var filed = complaints.file(me.id(), requestId, key, body.message());
        var response = Response.status(Response.Status.CREATED)
                .entity(CaseViews.complaint(filed.complaint()))
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/me/clearing-requests/{requestId}/complaints/{complaintId}")
                        .build(requestId, filed.complaint().id));
        if (filed.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/complaints")
    @Operation(summary = "My complaints about the audit of my request")
    @APIResponse(
            responseCode = "200",
            description = "Oldest first, texts masked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "complaints", value = Examples.COMPLAINTS)))
    @APIResponse(
            responseCode = "404",
            description = "No audit of this request for the caller",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public List<ComplaintView> complaints(@PathParam("requestId") UUID requestId) {
        return complaints.list(me.id(), requestId).stream()
                .map(CaseViews::complaint)
                .toList();
    }

    @GET
    @Path("/complaints/{complaintId}")
    @Operation(summary = "One of my complaints")
    @APIResponse(
            responseCode = "200",
            description = "The complaint, text masked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComplaintView.class),
                            examples = @ExampleObject(name = "complaint", value = Examples.COMPLAINT)))
    @APIResponse(
            responseCode = "404",
            description = "No such complaint for the caller",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public ComplaintView complaint(@PathParam("requestId") UUID requestId, @PathParam("complaintId") UUID complaintId) {
        return CaseViews.complaint(complaints.get(me.id(), requestId, complaintId));
    }
}
