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

/** Support's API to bring accounts in (onboarding, demos). */
@Path("/api/v1/admin/accounts")
@RolesAllowed("support")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminAccountResource {

    private final AccountService accounts;

    public AdminAccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    public Response create(
            @NotNull @Valid @ConvertGroup(from = Default.class, to = AccountRequest.OnCreate.class)
                    AccountRequest request,
            UriInfo uri) {
        AccountView created = accounts.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("/{id}")
    public AccountView update(@PathParam("id") UUID id, @NotNull @Valid AccountRequest request) {
        return accounts.update(id, request);
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") UUID id) {
        return accounts.get(id);
    }
}
