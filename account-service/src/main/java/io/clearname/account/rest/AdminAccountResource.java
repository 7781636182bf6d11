package io.clearname.account.rest;

import io.clearname.account.service.AccountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Support's API to bring accounts in (onboarding, demos). */
@Path("/api/v1/admin/accounts")
@Tag(name = "Accounts (support)", description = "Bringing accounts in from an identity platform; role support")
@RolesAllowed("support")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminAccountResource {

    private final AccountService accounts;

    public AdminAccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Operation(
            summary = "Create an account",
            description = "Phone and email are required; an already verified real name, entitlements, balances and"
                    + " restrictions may come along. The same validation applies as for users.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "import", value = ApiExamples.ACCOUNT_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location points at the account",
            content = @Content(examples = @ExampleObject(name = "account", value = ApiExamples.ACCOUNT)))
    public Response create(
            @NotNull @Valid @ConvertGroup(from = Default.class, to = AccountRequest.OnCreate.class)
                    AccountRequest request,
            UriInfo uri) {
        AccountView created = AccountView.of(accounts.create(request.toChanges()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change an account", description = "Fields left out stay as they are.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "legal hold",
                                            value =
                                                    "{\"restrictions\": [\"LEGAL_HOLD\"], \"walletBalanceCents\": 1250}")))
    @APIResponse(
            responseCode = "200",
            description = "The account as it is now",
            content = @Content(examples = @ExampleObject(name = "account", value = ApiExamples.ACCOUNT)))
    @APIResponse(
            responseCode = "409",
            description = "The real name cannot change while a clearing request is active",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "clearing-active", value = ApiExamples.CLEARING_ACTIVE)))
    public AccountView update(@PathParam("id") UUID id, @NotNull @Valid AccountRequest request) {
        return AccountView.of(accounts.update(id, request.toChanges()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One account, its real name masked")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(examples = @ExampleObject(name = "account", value = ApiExamples.ACCOUNT)))
    public AccountView get(@PathParam("id") UUID id) {
        return AccountView.of(accounts.get(id));
    }
}
