package io.clearname.account.rest;

import io.clearname.account.service.RealNameService;
import io.clearname.kit.security.CurrentAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's real-name authentication. (Class path is /me: JAX-RS does not backtrack between classes.) */
@Path("/api/v1/me")
@Tag(name = "Real name", description = "The caller's real-name authentication")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RealNameResource {

    private final RealNameService realNames;
    private final CurrentAccount me;

    public RealNameResource(RealNameService realNames, CurrentAccount me) {
        this.realNames = realNames;
        this.me = me;
    }

    @GET
    @Path("/real-name")
    @Operation(summary = "The caller's real-name status, masked")
    @APIResponse(
            responseCode = "200",
            description = "UNVERIFIED, VERIFIED, CLEARING or CLEARED, with masked values only",
            content = @Content(examples = @ExampleObject(name = "verified", value = ApiExamples.REAL_NAME_VERIFIED)))
    public RealNameView get() {
        return RealNameView.of(realNames.status(me.id()));
    }

    @PUT
    @Path("/real-name")
    @Operation(
            summary = "Bind a verified real name",
            description = "The 18-character national ID number is checked: format, birth date, ISO 7064 MOD 11-2 check"
                    + " digit. Refused while a clearing is active.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "bind", value = ApiExamples.BIND_REAL_NAME)))
    @APIResponse(
            responseCode = "200",
            description = "Bound; the masked view",
            content = @Content(examples = @ExampleObject(name = "verified", value = ApiExamples.REAL_NAME_VERIFIED)))
    @APIResponse(
            responseCode = "409",
            description = "A clearing request is active",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "clearing-active", value = ApiExamples.CLEARING_ACTIVE)))
    @APIResponse(
            responseCode = "422",
            description = "An invalid field, e.g. an ID number with a wrong check digit",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(name = "validation-failed", value = ApiExamples.INVALID_ID_NUMBER)))
    public RealNameView bind(@NotNull @Valid BindRealNameRequest request) {
        return RealNameView.of(realNames.bind(
                me.id(), request.legalName(), request.idNumber(), DocumentReference.toImages(request.documents())));
    }
}
