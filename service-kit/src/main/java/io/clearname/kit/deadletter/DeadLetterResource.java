package io.clearname.kit.deadletter;

import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Support's view of the records this service's consumers gave up on, in every service at the same path: list them,
 * inspect one (no payload value, no personal data), re-drive one to its source topic after the cause is fixed, or
 * discard one with a reason.
 */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed("support")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** A page of dead letters, oldest first. */
    public record DeadLetterList(List<DeadLetter> items) {}

    /** Why a dead letter is given up on; free text, masked before it is stored. */
    public record DiscardDeadLetterRequest(
            @NotBlank @Size(max = 500) String reason) {}

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final JsonWebToken token;

    public DeadLetterResource(DeadLetterStore store, DeadLetterActions actions, JsonWebToken token) {
        this.store = store;
        this.actions = actions;
        this.token = token;
    }

    @GET
    public DeadLetterList list(
            @QueryParam("state") @DefaultValue("OPEN") DeadLetter.State state,
            @QueryParam("consumer") String consumer,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit)
            throws SQLException {
        return new DeadLetterList(
                store.list(state, Optional.ofNullable(consumer).filter(c -> !c.isBlank()), limit));
    }

    @GET
    @Path("/{id}")
    public DeadLetter get(@PathParam("id") UUID id) throws SQLException {
        return store.find(id)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No dead letter " + id));
    }

    @POST
    @Path("/{id}/redrive")
    public DeadLetter redrive(@PathParam("id") UUID id) {
        return actions.redrive(id, token.getSubject());
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeadLetter discard(@PathParam("id") UUID id, @Valid @NotNull DiscardDeadLetterRequest request) {
        return actions.discard(id, token.getSubject(), request.reason());
    }
}
