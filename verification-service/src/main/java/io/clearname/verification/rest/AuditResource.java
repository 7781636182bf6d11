package io.clearname.verification.rest;

import io.clearname.kit.security.CurrentAccount;
import io.clearname.verification.service.AuditService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/v1/me/clearing-requests/{requestId}/audit")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audits;
    private final CurrentAccount me;

    public AuditResource(AuditService audits, CurrentAccount me) {
        this.audits = audits;
        this.me = me;
    }

    @GET
    public AuditView get(@PathParam("requestId") UUID requestId) {
        return audits.view(me.id(), requestId);
    }
}
