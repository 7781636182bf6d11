package io.clearname.verification.rest;

import io.clearname.verification.entity.ComplaintKind;
import io.clearname.verification.entity.ComplaintStatus;
import io.clearname.verification.service.ComplaintService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * Complaints as cases, for reviewers, leads and customer service (role {@code support}): the queue, one complaint, and
 * the answer. The staff member is the token's {@code sub}.
 */
@Path("/api/v1/review/complaints")
@RolesAllowed({"reviewer", "reviewer-lead", "support"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ReviewComplaintResource {

    private final ComplaintService complaints;
    private final CurrentReviewer staff;

    public ReviewComplaintResource(ComplaintService complaints, CurrentReviewer staff) {
        this.complaints = complaints;
        this.staff = staff;
    }

    @GET
    @Operation(
            summary = "The complaints queue",
            description = "Oldest due first. Texts and answers masked; an APPEAL complaint names the appeal it opened.")
    @APIResponse(
            responseCode = "200",
            description = "The complaints",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "complaints", value = Examples.STAFF_COMPLAINTS)))
    @APIResponse(
            responseCode = "422",
            description = "A parameter the service does not know, named in errors",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples =
                                    @ExampleObject(name = "unknown status", value = Examples.COMPLAINT_LIST_INVALID)))
    public List<StaffComplaintView> list(
            @Parameter(description = "OPEN or ANSWERED; all when absent", example = "OPEN") @QueryParam("status")
                    String status,
            @Parameter(description = "ESCALATION, APPEAL or COMPLAINT; all when absent") @QueryParam("kind")
                    String kind,
            @Parameter(description = "at most this many, 1 to 200 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        var theStatus = StaffQuery.choice("status", status, ComplaintStatus.class);
        var theKind = StaffQuery.choice("kind", kind, ComplaintKind.class);
        return complaints.queue(theStatus, theKind, StaffQuery.limit(limit)).stream()
                .map(CaseViews::staffComplaint)
                .toList();
    }

    @GET
    @Path("/{complaintId}")
    @Operation(summary = "One complaint")
    @APIResponse(
            responseCode = "200",
            description = "The complaint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StaffComplaintView.class),
                            examples = @ExampleObject(name = "answered", value = Examples.STAFF_COMPLAINT)))
    @APIResponse(
            responseCode = "404",
            description = "No such complaint",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.COMPLAINT_NOT_FOUND)))
    public StaffComplaintView get(@PathParam("complaintId") UUID complaintId) {
        return CaseViews.staffComplaint(complaints.find(complaintId));
    }

    @POST
    @Path("/{complaintId}/answer")
    @Operation(
            summary = "Answer a complaint",
            description =
                    "Records the answer (masked: ID numbers, phone numbers and emails blanked out) and sends it to"
                            + " the person (ComplaintAnswered). A complaint takes one answer; a retry with the same text"
                            + " answers 200 and changes nothing. An APPEAL complaint is answered by its appeal's decision.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnswerComplaintRequest.class),
                            examples = @ExampleObject(name = "answer", value = Examples.ANSWER_COMPLAINT)))
    @APIResponse(
            responseCode = "200",
            description = "Answered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StaffComplaintView.class),
                            examples = @ExampleObject(name = "answered", value = Examples.STAFF_COMPLAINT)))
    @APIResponse(
            responseCode = "404",
            description = "No such complaint",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "not found", value = Examples.COMPLAINT_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Answered already with another text, or an appeal (its decision answers it)",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = {
                                @ExampleObject(name = "answered", value = Examples.COMPLAINT_ANSWERED),
                                @ExampleObject(name = "appeal", value = Examples.APPEAL_PENDING)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "Blank or longer than 2000 characters",
            content =
                    @Content(
                            mediaType = Examples.PROBLEM_JSON,
                            examples = @ExampleObject(name = "blank", value = Examples.ANSWER_INVALID)))
    public StaffComplaintView answer(
            @PathParam("complaintId") UUID complaintId, @NotNull @Valid AnswerComplaintRequest body) {
        return CaseViews.staffComplaint(complaints.answer(staff.id(), complaintId, body.message()));
    }
}
