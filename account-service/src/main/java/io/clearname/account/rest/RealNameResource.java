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

/** The caller's real-name authentication. (Class path is /me: JAX-RS does not backtrack between classes.) */
@Path("/api/v1/me")
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
    public RealNameView get() {
        return realNames.view(me.id());
    }

    @PUT
    @Path("/real-name")
    public RealNameView bind(@NotNull @Valid BindRealNameRequest request) {
        return realNames.bind(me.id(), request);
    }
}
