package io.clearname.account.rest;

import io.clearname.account.service.ClearingService;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.clearname.kit.security.CurrentAccount;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/** Submitting a clearing and following it. */
@Path("/api/v1/me")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClearingResource {

    private final ClearingService clearing;
    private final CurrentAccount me;

    public ClearingResource(ClearingService clearing, CurrentAccount me) {
        this.clearing = clearing;
        this.me = me;
    }

    @POST
    @Path("/real-name/clearing")
    public Response submit(
            @HeaderParam("Idempotency-Key") @Size(max = 128) String idempotencyKey,
            @NotNull @Valid SubmitClearingRequest request,
            UriInfo uri) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ProblemException(
                    ProblemType.Common.IDEMPOTENCY_KEY_REQUIRED, "Send an Idempotency-Key header, e.g. a UUID.");
        }
        var submission = clearing.submit(me.id(), idempotencyKey, request);
        return Response.accepted(submission.view())
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/me/clearing-requests/{id}")
                        .build(submission.view().requestId()))
                .build();
    }

    @GET
    @Path("/real-name/clearing/preflight")
    public PreflightView preflight() {
        return clearing.preflight(me.id());
    }

    @POST
    @Path("/clearing-requests/{id}/withdrawal")
    public ClearingRequestView withdraw(@PathParam("id") UUID id) {
        return clearing.withdraw(me.id(), id);
    }

    @GET
    @Path("/clearing-requests")
    public List<ClearingRequestView> list() {
        return clearing.list(me.id());
    }

    @GET
    @Path("/clearing-requests/{id}")
    public ClearingRequestView get(@PathParam("id") UUID id) {
        return clearing.get(me.id(), id);
    }
}
